import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_RAI_POLICY, FOUNDRY_ENDPOINTS } from "../catalog";
import { FOUNDRY_DEPLOYMENT_ARGS } from "../config/args";
import {
    checkFoundryDeployment,
    checkSpilloverSource,
    checkedModelFor,
    type FoundryProblem,
} from "../config/validateFoundry";
import { configuredToday } from "../util/clock";
import { catalogErrors, logCatalogWarnings } from "./argProblems";
import { checkArgs } from "./checkArgs";
import type { FoundryDeploymentSku, VersionUpgradeOption } from "./enums";

/** Arguments of `FoundryModelDeployment`. */
export interface FoundryModelDeploymentArgs {
    /** Resource group of the Foundry account. */
    resourceGroupName: pulumi.Input<string>;
    /** Name of the Foundry account: deployments belong to the account, every project of it reaches them. */
    accountName: pulumi.Input<string>;
    /** The account's custom subdomain, for the endpoints. @default - the account name */
    customSubDomain?: pulumi.Input<string>;
    /** The account's region: the model must be offered there with the SKU. @default - not checked */
    location?: string;
    /** Deployment name (2-64 characters), unique in the account: clients send it as `model`. */
    deploymentName: string;
    /**
     * A catalog model's name or alias, e.g. `Mistral-Large-3` (case-insensitive); with `format`, the model's name as
     * Azure spells it (`gpt-4.1-mini`), in the catalog or not.
     */
    model: string;
    /**
     * The model's format, its publisher as the deployment API names it (`OpenAI`, `Cohere`, `Mistral AI`): deploys any
     * model the account offers by format, `model` and `version`. A model outside the catalog gets one warning (region,
     * SKU, quota and lifecycle unchecked). @default - the catalog's, found by `model`
     */
    format?: string;
    /** Model version; required with `format` for a model outside the catalog. @default - the catalog's version */
    version?: string;
    /** Deployment type, e.g. `GlobalStandard`, or `DataZoneStandard` to keep requests in a data zone. */
    sku: FoundryDeploymentSku;
    /** Capacity units (1,000 tokens per minute each for standard SKUs), counted against the regional quota. */
    capacity: number;
    /** Content filter: a `ContentFilter`'s `raiPolicyName`, or a Microsoft policy. @default "Microsoft.DefaultV2" */
    raiPolicyName?: pulumi.Input<string>;
    /** When Azure moves the deployment to a newer model version. @default - Azure's (OnceNewDefaultVersionAvailable) */
    versionUpgradeOption?: VersionUpgradeOption;
    /**
     * Spillover: the name of a standard deployment of the same model and version on the same account (created before
     * this one) that takes the requests this provisioned deployment cannot serve (`properties.spilloverDeploymentName`).
     * Only on a provisioned SKU, for Azure OpenAI models (format `OpenAI`), the only ones Microsoft documents it for.
     * @default - none
     */
    spilloverTo?: pulumi.Input<string>;
    /** Deploy even though the model is retired. @default false */
    acceptRetired?: boolean;
    /**
     * How long Pulumi waits for the deployment's create, update or delete, in minutes: a PUT of a large provisioned
     * deployment can take longer than the provider's default. @default - the provider's default
     */
    timeoutMinutes?: number;
    /** Tags on the deployment. @default - none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * A model deployed on a Foundry resource (`accounts/deployments`): a catalog model (its format, name and version from
 * the catalog, checked against its SKUs, regions, quota and lifecycle) or any other model the account offers, named by
 * format, name and version; the SKU and capacity, and the content filter. Azure answers concurrent deployment
 * changes on one account with 409 ("Another operation is being performed on the parent resource"): create the
 * deployments of an account one after another, each with `dependsOn` the previous one (the stack does). Outputs what a
 * client needs: the OpenAI-compatible base URL, the `model` value to send and the Entra ID scope.
 */
export class FoundryModelDeployment extends pulumi.ComponentResource {
    /** Deployment name. */
    public readonly deploymentName: pulumi.Output<string>;
    /** ARM id of the deployment. */
    public readonly deploymentId: pulumi.Output<string>;
    /** The value clients send as `model`: the deployment name. */
    public readonly model: pulumi.Output<string>;
    /** Name of the deployed model, as Azure spells it. */
    public readonly modelName: pulumi.Output<string>;
    /** Model format (its publisher as the deployment API names it), e.g. `Mistral AI`. */
    public readonly modelFormat: pulumi.Output<string>;
    /** Deployed model version. */
    public readonly modelVersion: pulumi.Output<string>;
    /** OpenAI-compatible base URL, `https://<sub>.openai.azure.com/openai/v1/`. */
    public readonly openAiBaseUrl: pulumi.Output<string>;
    /** Foundry endpoint of the account, `https://<sub>.services.ai.azure.com/`. */
    public readonly endpoint: pulumi.Output<string>;
    /** Scope of the Entra ID token clients send. */
    public readonly entraScope: pulumi.Output<string>;

    constructor(name: string, args: FoundryModelDeploymentArgs, opts?: pulumi.ComponentResourceOptions) {
        const check = {
            model: typeof args.model === "string" ? args.model : undefined,
            format: args.format,
            sku: args.sku,
            version: args.version,
            capacity: args.capacity,
            acceptRetired: args.acceptRetired,
            location: args.location,
            today: configuredToday() ?? new Date(),
        };
        // Handed by the stack, checked by validation for these same arguments: no second lookup, no second warning.
        const handed = checkedModelFor(args, check);
        const checked = handed ? { problems: [] as FoundryProblem[] } : checkFoundryDeployment(check);
        if (!handed && args.spilloverTo !== undefined)
            checked.problems.push(...checkSpilloverSource(checked.facts?.model, args.sku));
        checkArgs("FoundryModelDeployment", name, args, FOUNDRY_DEPLOYMENT_ARGS, catalogErrors(checked.problems));
        super("azure-ai-models:index:FoundryModelDeployment", name, {}, opts);
        logCatalogWarnings(checked.problems, this);
        const model = handed ?? checked.facts!.model;

        const deployment = new cognitiveservices.Deployment(
            `${name}-deployment`,
            {
                accountName: args.accountName,
                resourceGroupName: args.resourceGroupName,
                deploymentName: args.deploymentName,
                sku: { name: args.sku, capacity: args.capacity },
                properties: {
                    model: { format: model.format, name: model.name, version: model.version },
                    raiPolicyName: args.raiPolicyName ?? DEFAULT_RAI_POLICY.name,
                    ...(args.versionUpgradeOption ? { versionUpgradeOption: args.versionUpgradeOption } : {}),
                    ...(args.spilloverTo !== undefined ? { spilloverDeploymentName: args.spilloverTo } : {}),
                },
                tags: args.tags,
            },
            // The component's dependsOn (the previous deployment of the account) must hold for the child that PUTs.
            {
                parent: this,
                dependsOn: opts?.dependsOn,
                ...(args.timeoutMinutes === undefined ? {} : { customTimeouts: timeouts(args.timeoutMinutes) }),
            },
        );
        const sub = pulumi.output(args.customSubDomain ?? args.accountName);
        this.deploymentName = deployment.name;
        this.deploymentId = deployment.id;
        this.model = deployment.name;
        this.modelName = pulumi.output(model.name);
        this.modelFormat = pulumi.output(model.format);
        this.modelVersion = pulumi.output(model.version);
        this.openAiBaseUrl = sub.apply(FOUNDRY_ENDPOINTS.openAiV1);
        this.endpoint = sub.apply(FOUNDRY_ENDPOINTS.services);
        this.entraScope = pulumi.output(FOUNDRY_ENDPOINTS.entraScope);
        this.registerOutputs({ deploymentName: this.deploymentName, openAiBaseUrl: this.openAiBaseUrl });
    }
}

/** The same limit for create, update and delete, as Pulumi's custom timeouts take it (`"90m"`). */
function timeouts(minutes: number): pulumi.CustomTimeouts {
    const t = `${minutes}m`;
    return { create: t, update: t, delete: t };
}
