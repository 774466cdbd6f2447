import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import * as pulumi from "@pulumi/pulumi";
import { marketplaceSubscriptionName } from "./names";
import { resolveWorkspace } from "./workspaceRef";
import { MARKETPLACE_SUBSCRIPTION_ARGS } from "../config/args";
import { checkArgs } from "./checkArgs";

/** The Azure Marketplace plan behind a model offer. */
export interface MarketplacePlan {
    /** The Marketplace offer. */
    offerId?: string;
    /** The offer's plan the subscription is billed on. */
    planId?: string;
    /** The offer's publisher. */
    publisherId?: string;
}

/** Arguments of {@link MarketplaceModelSubscription}. */
export interface MarketplaceModelSubscriptionArgs {
    /** Resource group of the project or workspace (with `workspaceName`, unless `workspaceId` is given). */
    resourceGroupName?: pulumi.Input<string>;
    /** The project or workspace that hosts it (with `resourceGroupName`, unless `workspaceId` is given). */
    workspaceName?: pulumi.Input<string>;
    /**
     * ARM id of the project or workspace to deploy into (`/subscriptions/.../workspaces/<name>`), which may belong to
     * another stack. Give this, or `resourceGroupName` and `workspaceName`.
     */
    workspaceId?: pulumi.Input<string>;
    /** Serverless model id of the offer: `azureml://registries/<registry>/models/<name>`, no version. */
    modelId: string;
    /** Subscription name. @default - the model name with characters Azure refuses (dots) replaced by dashes */
    subscriptionName?: string;
}

/**
 * An Azure Marketplace subscription of a workspace or project to a partner model's offer: needed once per
 * workspace/project per offer before a serverless endpoint of a partner model (any registry but `azureml`) can be
 * created. It tracks the offer's cost. Deleting it while an endpoint uses the offer leaves the endpoint unhealthy.
 */
export class MarketplaceModelSubscription extends pulumi.ComponentResource {
    /** ARM id of the subscription: pass it to a ServerlessModelEndpoint's `marketplaceSubscriptionId`. */
    public readonly subscriptionId: pulumi.Output<string>;
    /** Name of the subscription in the workspace. */
    public readonly subscriptionName: pulumi.Output<string>;
    /** Marketplace plan (publisher, offer, plan) Azure resolved for the model. */
    public readonly marketplacePlan: pulumi.Output<MarketplacePlan | undefined>;

    constructor(name: string, args: MarketplaceModelSubscriptionArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArgs("MarketplaceModelSubscription", name, args, MARKETPLACE_SUBSCRIPTION_ARGS);
        super("azure-ai-models:index:MarketplaceModelSubscription", name, {}, opts);
        const ws = resolveWorkspace("MarketplaceModelSubscription", args);
        const subscription = new machinelearningservices.MarketplaceSubscription(
            `${name}-sub`,
            {
                name: args.subscriptionName ?? marketplaceSubscriptionName(args.modelId),
                resourceGroupName: ws.resourceGroupName,
                workspaceName: ws.workspaceName,
                properties: { modelId: args.modelId },
            },
            { parent: this },
        );
        this.subscriptionId = subscription.id;
        this.subscriptionName = subscription.name;
        this.marketplacePlan = subscription.properties.apply((p) => p?.marketplacePlan);
        this.registerOutputs({ subscriptionId: this.subscriptionId, subscriptionName: this.subscriptionName });
    }
}
