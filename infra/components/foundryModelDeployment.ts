import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_RAI_POLICY, FOUNDRY_ENDPOINTS } from "../catalog";
import { FOUNDRY_DEPLOYMENT_ARGS } from "../config/args";
import { checkFoundryDeployment } from "../config/validateFoundry";
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
    /** Model name or alias from the catalog's Foundry table, e.g. `Mistral-Large-3` (case-insensitive). */
    model: string;
    /** Model version. @default - the catalog's version for the model */
    version?: string;
    /** Deployment type, e.g. `GlobalStandard`, or `DataZoneStandard` to keep requests in a data zone. */
    sku: FoundryDeploymentSku;
    /** Capacity units (1,000 tokens per minute each for standard SKUs), counted against the regional quota. */
    capacity: number;
    /** Content filter: a `ContentFilter`'s `raiPolicyName`, or a Microsoft policy. @default "Microsoft.DefaultV2" */
    raiPolicyName?: pulumi.Input<string>;
    /** When Azure moves the deployment to a newer model version. @default - Azure's (OnceNewDefaultVersionAvailable) */
    versionUpgradeOption?: VersionUpgradeOption;
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
 * A model deployed on a Foundry resource (`accounts/deployments`), from the catalog's Foundry table: the model's
 * format, name and version, the SKU and capacity, and the content filter. Azure answers concurrent deployment
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
    /** Catalog name of the deployed model, as Azure spells it. */
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
        const checked = checkFoundryDeployment({
            model: typeof args.model === "string" ? args.model : undefined,
            sku: args.sku,
            version: args.version,
            capacity: args.capacity,
            acceptRetired: args.acceptRetired,
            location: args.location,
            today: configuredToday() ?? new Date(),
        });
        checkArgs("FoundryModelDeployment", name, args, FOUNDRY_DEPLOYMENT_ARGS, catalogErrors(checked.problems));
        super("azure-ai-models:index:FoundryModelDeployment", name, {}, opts);
        logCatalogWarnings(checked.problems, this);
        const { offer, version } = checked.facts!;

        const deployment = new cognitiveservices.Deployment(
            `${name}-deployment`,
            {
                accountName: args.accountName,
                resourceGroupName: args.resourceGroupName,
                deploymentName: args.deploymentName,
                sku: { name: args.sku, capacity: args.capacity },
                properties: {
                    model: { format: offer.format, name: offer.name, version },
                    raiPolicyName: args.raiPolicyName ?? DEFAULT_RAI_POLICY.name,
                    ...(args.versionUpgradeOption ? { versionUpgradeOption: args.versionUpgradeOption } : {}),
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
        this.modelName = pulumi.output(offer.name);
        this.modelFormat = pulumi.output(offer.format);
        this.modelVersion = pulumi.output(version);
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
