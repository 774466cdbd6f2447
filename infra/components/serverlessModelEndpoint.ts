import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import * as pulumi from "@pulumi/pulumi";
import { MODELS, needsMarketplaceSubscription, serverlessClient, type Route } from "../catalog";
import type { ContentSafetyStatus, ServerlessAuthMode } from "./enums";
import { randomSuffix } from "./names";
import { resolveWorkspace } from "./workspaceRef";
import { SERVERLESS_ENDPOINT_ARGS } from "../config/args";
import { checkArgs } from "./checkArgs";

/** A route a deployed model serves, by the name it gets in `routeUrls`. */
export interface EndpointRoute {
    /** Key in `routeUrls`, e.g. `chatCompletions`. */
    name: string;
    /** Path after the endpoint URI, e.g. `/chat/completions`. */
    path: string;
}

/** Arguments of {@link ServerlessModelEndpoint}. */
export interface ServerlessModelEndpointArgs {
    /** Resource group of the project or workspace (with `workspaceName`, unless `workspaceId` is given). */
    resourceGroupName?: pulumi.Input<string>;
    /** The project or workspace that hosts it (with `resourceGroupName`, unless `workspaceId` is given). */
    workspaceName?: pulumi.Input<string>;
    /**
     * ARM id of the project or workspace to deploy into (`/subscriptions/.../workspaces/<name>`), which may belong to
     * another stack. Give this, or `resourceGroupName` and `workspaceName`.
     */
    workspaceId?: pulumi.Input<string>;
    /** Azure region of the endpoint. @default - the resource group's region */
    location?: pulumi.Input<string>;
    /**
     * Base endpoint name (at most 45 characters, letters, digits, dashes, starting with a letter). A stable random suffix
     * is appended: the name becomes part of the endpoint URL, which must be unique in the Azure region.
     */
    endpointName: string;
    /** Serverless model id: `azureml://registries/<registry>/models/<name>`, no version. */
    modelId: string;
    /**
     * How clients authenticate: `Key`, `AAD` or `KeyAndAAD`.
     * @default "Key" (the docs say serverless endpoints do not accept Entra ID tokens)
     */
    authMode?: ServerlessAuthMode;
    /** Azure AI Content Safety on the endpoint. @default "Enabled" */
    contentSafety?: ContentSafetyStatus;
    /**
     * ARM id of the workspace's Marketplace subscription to the model's offer (a MarketplaceModelSubscription's
     * `subscriptionId`). The endpoint depends on it explicitly: the model id alone makes no dependency, and creating
     * the endpoint first fails with `ServerlessOfferNotFound`.
     * @default - none; a partner model then needs a subscription made elsewhere
     */
    marketplaceSubscriptionId?: pulumi.Input<string>;
    /** Routes the model serves. @default - the catalog's routes for the model id */
    routes?: EndpointRoute[];
    /** Tags on the endpoint. @default - none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/** The key a route gets in `routeUrls`: `info`, `chatCompletions`, `nativeChatCompletions`, ... */
export function routeName(route: Route): string {
    const kind = route.kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    return route.api === "provider-native" ? `native${kind[0].toUpperCase()}${kind.slice(1)}` : kind;
}

/**
 * A model deployed as a serverless API (pay per token): a `ServerlessEndpoint` with sku `Consumption`. It is
 * replaced delete-first, because Azure allows one deployment per model per workspace and a create-first
 * replacement would collide. Outputs the endpoint URI, the URL of each route the model serves, its rate limits,
 * and its keys as secrets.
 */
export class ServerlessModelEndpoint extends pulumi.ComponentResource {
    /** Endpoint name, with its random suffix. */
    public readonly endpointName: pulumi.Output<string>;
    /** ARM id of the endpoint. */
    public readonly endpointId: pulumi.Output<string>;
    /** Inference URI, e.g. `https://<name>.<region>.models.ai.azure.com`. */
    public readonly uri: pulumi.Output<string>;
    /** Full URL of each route the model serves, by route name. */
    public readonly routeUrls: pulumi.Output<{ [name: string]: string }>;
    /**
     * Base URL for an OpenAI-compatible client such as the `openai` package (`<uri>/v1`, the provider's own routes;
     * a key goes in as `apiKey`), or an empty string when the catalog knows no such route for the model. The model
     * inference routes in `routeUrls` lost their SDK on 2026-08-26.
     */
    public readonly openAiBaseUrl: pulumi.Output<string>;
    /** Tokens per minute allowed per deployment. */
    public readonly tokensPerMinute: pulumi.Output<number | undefined>;
    /** Requests per minute allowed per deployment. */
    public readonly requestsPerMinute: pulumi.Output<number | undefined>;
    /** Primary key (secret). */
    public readonly primaryKey: pulumi.Output<string>;
    /** Secondary key (secret). */
    public readonly secondaryKey: pulumi.Output<string>;

    constructor(name: string, args: ServerlessModelEndpointArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs("ServerlessModelEndpoint", name, args, SERVERLESS_ENDPOINT_ARGS);
        super("azure-ai-models:index:ServerlessModelEndpoint", name, {}, opts);
        const ws = resolveWorkspace("ServerlessModelEndpoint", args);
        const model = MODELS.find((m) => m.serverless?.modelId.toLowerCase() === args.modelId.toLowerCase());
        const offer = model?.serverless;
        const client = model ? serverlessClient(model) : undefined;
        const routes = args.routes ?? (offer?.routes ?? []).map((r) => ({ name: routeName(r), path: r.path }));
        if (args.marketplaceSubscriptionId === undefined && needsMarketplaceSubscription(args.modelId)) {
            void pulumi.log.warn(
                `${args.modelId} is sold through Azure Marketplace: without marketplaceSubscriptionId the workspace must already be subscribed to its offer`,
                this,
            );
        }
        const suffix = randomSuffix(name, this).result;

        // An Output-valued dependsOn: the engine gets an explicit dependency on every resource the subscription id
        // comes from (the MarketplaceSubscription), whether or not its value is known yet.
        const dependsOn =
            args.marketplaceSubscriptionId === undefined
                ? undefined
                : pulumi.output(args.marketplaceSubscriptionId).apply(() => []);

        const endpoint = new machinelearningservices.ServerlessEndpoint(
            `${name}-endpoint`,
            {
                name: pulumi.interpolate`${args.endpointName}-${suffix}`,
                resourceGroupName: ws.resourceGroupName,
                workspaceName: ws.workspaceName,
                location: args.location,
                sku: { name: "Consumption" },
                properties: {
                    authMode: args.authMode ?? "Key",
                    modelSettings: { modelId: args.modelId },
                    contentSafety: { contentSafetyStatus: args.contentSafety ?? "Enabled" },
                },
                tags: args.tags,
            },
            { parent: this, dependsOn, deleteBeforeReplace: true },
        );

        const keys = machinelearningservices.listServerlessEndpointKeysOutput(
            { name: endpoint.name, resourceGroupName: ws.resourceGroupName, workspaceName: ws.workspaceName },
            { parent: this },
        );

        this.endpointName = endpoint.name;
        this.endpointId = endpoint.id;
        this.uri = endpoint.properties.apply((p) => p.inferenceEndpoint.uri.replace(/\/+$/, ""));
        this.routeUrls = this.uri.apply((uri) => Object.fromEntries(routes.map((r) => [r.name, `${uri}${r.path}`])));
        this.openAiBaseUrl = this.uri.apply((uri) => (client ? `${uri}${client.basePath}` : ""));
        this.tokensPerMinute = pulumi.output(offer?.rateLimits.tokensPerMinute);
        this.requestsPerMinute = pulumi.output(offer?.rateLimits.requestsPerMinute);
        // The SDK does not mark these as secret: wrap them before they leave the component.
        this.primaryKey = pulumi.secret(keys.apply((k) => k.primaryKey ?? ""));
        this.secondaryKey = pulumi.secret(keys.apply((k) => k.secondaryKey ?? ""));
        this.registerOutputs({
            endpointName: this.endpointName,
            uri: this.uri,
            routeUrls: this.routeUrls,
            openAiBaseUrl: this.openAiBaseUrl,
            primaryKey: this.primaryKey,
            secondaryKey: this.secondaryKey,
        });
    }
}
