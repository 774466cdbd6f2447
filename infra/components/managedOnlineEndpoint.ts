import { createHash } from "node:crypto";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import * as pulumi from "@pulumi/pulumi";
import { COGNITIVE_SERVICES_USER } from "../catalog";
import type { OnlineEndpointAuthMode, PublicNetworkAccess } from "./enums";
import { configuredToday } from "../util/clock";
import { contentSafetyAccountName, randomSuffix } from "./names";
import { assignRole } from "./roleAssignment";
import { resolveWorkspace } from "./workspaceRef";
import { ONLINE_ENDPOINT_ARGS } from "../config/args";
import { checkArgs } from "./checkArgs";

/** How a client authenticates to an online endpoint: the header to send and what goes in it. */
export interface EndpointAuthorization {
    /** The HTTP header to send: `Authorization`. */
    header: string;
    /** What goes in the header: `Bearer` and the token or key, and where that comes from. */
    value: string;
}

/** Arguments of {@link ManagedOnlineEndpoint}. */
export interface ManagedOnlineEndpointArgs {
    /** Resource group of the project or workspace (with `workspaceName`, unless `workspaceId` is given). */
    resourceGroupName?: pulumi.Input<string>;
    /** The project or workspace that hosts it (with `resourceGroupName`, unless `workspaceId` is given). */
    workspaceName?: pulumi.Input<string>;
    /**
     * ARM id of the project or workspace to deploy into (`/subscriptions/.../workspaces/<name>`), which may belong to
     * another stack. Give this, or `resourceGroupName` and `workspaceName`.
     */
    workspaceId?: pulumi.Input<string>;
    /** Azure region of the endpoint: the workspace's. */
    location: pulumi.Input<string>;
    /**
     * Base name (at most 25 characters, letters, digits and single dashes, starting with a letter). A stable random suffix
     * is appended: endpoint names form the scoring URL and must be unique in the region.
     */
    endpointName: string;
    /** `AADToken` (Entra ID), `Key` or `AMLToken`. @default "AADToken" */
    authMode?: OnlineEndpointAuthMode;
    /**
     * Whether the scoring URI (and the Content Safety account, when there is one) accepts traffic from the public
     * internet.
     * @default "Disabled"
     */
    publicNetworkAccess?: PublicNetworkAccess;
    /** Description of the endpoint. @default - none */
    description?: string;
    /**
     * Run on Azure's shared quota pool; the endpoint is deleted after 168 hours. Sets the endpoint's property bag
     * (`SharedComputeCapacityEnabled`, `TargetAutoDeletionTime` = creation + 7 days) as third-party templates do;
     * Microsoft documents the option only in the studio.
     * @default false
     */
    sharedQuota?: boolean;
    /** Provision an Azure AI Content Safety account (local auth disabled) the endpoint's identity may call. @default false */
    contentSafety?: boolean;
    /** Tags on the endpoint and the Content Safety account. @default - none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * A managed online endpoint: a stable HTTPS scoring URI with a system-assigned identity and an auth mode, created
 * without traffic (Azure refuses traffic naming deployments that do not exist yet); an `EndpointTraffic`
 * applies the split once the deployments exist. Optionally an Azure AI Content Safety account the endpoint's identity
 * may call. Outputs the scoring and swagger URIs, how to authenticate, and the keys (secret) when auth mode is Key.
 */
export class ManagedOnlineEndpoint extends pulumi.ComponentResource {
    /** Endpoint name, with its random suffix. */
    public readonly endpointName: pulumi.Output<string>;
    /** ARM id of the endpoint. */
    public readonly endpointId: pulumi.Output<string>;
    /** `https://<endpoint>.<region>.inference.ml.azure.com/score`. */
    public readonly scoringUri: pulumi.Output<string>;
    /** URI of the endpoint's OpenAPI (swagger) document. */
    public readonly swaggerUri: pulumi.Output<string>;
    /** Object id of the endpoint's system-assigned identity. */
    public readonly principalId: pulumi.Output<string>;
    /** How clients authenticate: `AADToken`, `Key` or `AMLToken`. */
    public readonly authMode: pulumi.Output<string>;
    /** How a client authenticates: the header and where its value comes from. */
    public readonly authorization: pulumi.Output<EndpointAuthorization>;
    /** Primary key (secret); empty unless auth mode is Key. */
    public readonly primaryKey: pulumi.Output<string | undefined>;
    /** Secondary key (secret); empty unless auth mode is Key. */
    public readonly secondaryKey: pulumi.Output<string | undefined>;
    /** Content Safety endpoint, when one was provisioned. */
    public readonly contentSafetyEndpoint: pulumi.Output<string | undefined>;
    /**
     * A hash of the endpoint's own settings: give it to the endpoint's EndpointTraffic, so a change of the endpoint
     * (whose update writes the endpoint back without traffic) re-applies the traffic right after.
     */
    public readonly revision: pulumi.Output<string>;

    constructor(name: string, args: ManagedOnlineEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs("ManagedOnlineEndpoint", name, args, ONLINE_ENDPOINT_ARGS);
        super("azure-ai-models:index:ManagedOnlineEndpoint", name, {}, opts);
        const ws = resolveWorkspace("ManagedOnlineEndpoint", args);
        const authMode = args.authMode ?? "AADToken";
        const publicNetworkAccess = args.publicNetworkAccess ?? "Disabled";
        const suffix = randomSuffix(name, this).result;

        const endpoint = new machinelearningservices.OnlineEndpoint(
            `${name}-endpoint`,
            {
                endpointName: pulumi.interpolate`${args.endpointName}-${suffix}`,
                resourceGroupName: ws.resourceGroupName,
                workspaceName: ws.workspaceName,
                location: args.location,
                identity: { type: "SystemAssigned" },
                properties: {
                    authMode,
                    publicNetworkAccess,
                    description: args.description,
                    ...(args.sharedQuota
                        ? {
                              properties: {
                                  SharedComputeCapacityEnabled: "true",
                                  TargetAutoDeletionTime: inSevenDays(),
                              },
                          }
                        : {}),
                },
                tags: args.tags,
            },
            {
                parent: this,
                // Traffic belongs to the EndpointTraffic resource; the deletion time is fixed when the endpoint is created.
                ignoreChanges: ["properties.traffic", "properties.mirrorTraffic", "properties.properties"],
            },
        );
        const keys = authMode === "Key" ? endpointKeys(this, endpoint, ws) : undefined;

        this.endpointName = endpoint.name;
        this.endpointId = endpoint.id;
        this.scoringUri = endpoint.properties.apply((p) => p.scoringUri);
        this.swaggerUri = endpoint.properties.apply((p) => p.swaggerUri);
        this.principalId = endpoint.identity.apply((i) => i?.principalId ?? "");
        this.authMode = pulumi.output(authMode);
        this.authorization = pulumi.output(AUTHORIZATION[authMode]);
        this.primaryKey = keys?.primaryKey ?? pulumi.output<string | undefined>(undefined);
        this.secondaryKey = keys?.secondaryKey ?? pulumi.output<string | undefined>(undefined);
        this.contentSafetyEndpoint = args.contentSafety
            ? contentSafetyFor(this, name, args, ws.resourceGroupName, suffix, this.principalId)
            : pulumi.output<string | undefined>(undefined);
        this.revision = pulumi
            .output({ authMode, publicNetworkAccess, description: args.description ?? "", tags: args.tags ?? {} })
            .apply((settings) => createHash("sha256").update(JSON.stringify(settings)).digest("hex").slice(0, 16));
        this.registerOutputs({
            endpointName: this.endpointName,
            scoringUri: this.scoringUri,
            swaggerUri: this.swaggerUri,
            primaryKey: this.primaryKey,
            secondaryKey: this.secondaryKey,
        });
    }
}

/** The endpoint's keys (Key auth), wrapped as secrets before they leave the component. */
function endpointKeys(
    parent: pulumi.Resource,
    endpoint: machinelearningservices.OnlineEndpoint,
    ws: { resourceGroupName: pulumi.Output<string>; workspaceName: pulumi.Output<string> },
): { primaryKey: pulumi.Output<string | undefined>; secondaryKey: pulumi.Output<string | undefined> } {
    const keys = machinelearningservices.listOnlineEndpointKeysOutput(
        { endpointName: endpoint.name, resourceGroupName: ws.resourceGroupName, workspaceName: ws.workspaceName },
        { parent },
    );
    return {
        primaryKey: pulumi.secret(keys.apply((k) => k.primaryKey ?? "")),
        secondaryKey: pulumi.secret(keys.apply((k) => k.secondaryKey ?? "")),
    };
}

/**
 * An Azure AI Content Safety account (local auth off) and the role that lets the endpoint's identity call it;
 * returns the account's endpoint.
 */
function contentSafetyFor(
    parent: pulumi.Resource,
    name: string,
    args: ManagedOnlineEndpointArgs,
    resourceGroupName: pulumi.Output<string>,
    suffix: pulumi.Output<string>,
    principalId: pulumi.Output<string>,
): pulumi.Output<string | undefined> {
    const accountName = suffix.apply((s) => contentSafetyAccountName(args.endpointName, s));
    const account = new cognitiveservices.Account(
        `${name}-contentsafety`,
        {
            accountName,
            resourceGroupName,
            location: args.location,
            kind: "ContentSafety",
            sku: { name: "S0" },
            identity: { type: "SystemAssigned" },
            properties: {
                customSubDomainName: accountName,
                disableLocalAuth: true,
                publicNetworkAccess: args.publicNetworkAccess ?? "Disabled",
            },
            tags: args.tags,
        },
        { parent },
    );
    assignRole(
        `${name}-contentsafety-user`,
        {
            scope: account.id,
            principalId,
            principalType: "ServicePrincipal",
            role: COGNITIVE_SERVICES_USER,
            description: `${COGNITIVE_SERVICES_USER.name}: the online endpoint ${args.endpointName} calls Content Safety with its identity`,
        },
        parent,
    );
    return account.properties.apply((p) => p.endpoint);
}

/** How clients authenticate to an online endpoint, per auth mode. */
const AUTHORIZATION: Record<OnlineEndpointAuthMode, EndpointAuthorization> = {
    AADToken: { header: "Authorization", value: "Bearer <Microsoft Entra ID token for https://ml.azure.com>" },
    Key: { header: "Authorization", value: "Bearer <primaryKey or secondaryKey>" },
    AMLToken: { header: "Authorization", value: "Bearer <token from az ml online-endpoint get-credentials>" },
};

/** RFC 1123 time seven days from now (or from `AZURE_AI_MODELS_TODAY`): the shared-quota endpoint's deletion time. */
function inSevenDays(): string {
    const now = configuredToday() ?? new Date();
    return new Date(now.getTime() + 7 * 24 * 3600 * 1000).toUTCString();
}
