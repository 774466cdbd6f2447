import { describe, expect, it } from "vitest";
import { serverlessEndpointHasSubscription } from "../../policies/rules/serverlessEndpointHasSubscription";
import { endpoint, MISTRAL_LARGE_2411, PULUMI_UNKNOWN, RG, res, subscription, verdict, workspace } from "./harness";

const RULE = serverlessEndpointHasSubscription;
const PHI = "azureml://registries/azureml/models/Phi-3-mini-4k-instruct";

function subscribed(modelId = MISTRAL_LARGE_2411) {
    const sub = subscription("chat-sub", modelId);
    const ep = endpoint("chat", modelId, {}, { dependencies: [sub.urn] });
    return { sub, ep };
}

describe("serverless-endpoint-has-subscription", () => {
    it("passes an endpoint that depends on its subscription in the same workspace", () => {
        const { sub, ep } = subscribed();
        expect(verdict(RULE, { resources: [workspace("hub"), sub, ep] })).toEqual([]);
    });

    it("reports a Marketplace model without a subscription in its workspace", () => {
        const resources = [
            workspace("hub"),
            subscription("other-ws", MISTRAL_LARGE_2411, { workspaceName: "hub2" }),
            endpoint("chat", MISTRAL_LARGE_2411),
        ];
        expect(verdict(RULE, { resources })).toEqual([
            `ServerlessEndpoint "chat" deploys the Azure Marketplace model ${MISTRAL_LARGE_2411} in workspace "hub" (resource group "${RG}"), ` +
                "but the stack has no MarketplaceSubscription for that model in that workspace, so Azure rejects the deployment (ServerlessOfferNotFound). " +
                `Add a machinelearningservices.MarketplaceSubscription with properties.modelId "${MISTRAL_LARGE_2411}" in the same workspace and put it in the endpoint's dependsOn, ` +
                "or, if the subscription is managed elsewhere, add the model id to externalSubscriptionModels.",
        ]);
    });

    it("reports an endpoint that does not depend on its subscription", () => {
        const resources = [subscription("chat-sub", MISTRAL_LARGE_2411), endpoint("chat", MISTRAL_LARGE_2411)];
        expect(verdict(RULE, { resources })).toEqual([
            `ServerlessEndpoint "chat" does not depend on MarketplaceSubscription "chat-sub", its subscription to ${MISTRAL_LARGE_2411}: ` +
                "the modelId string creates no dependency, so Pulumi may create the endpoint first and Azure fails with ServerlessOfferNotFound. " +
                "Add the subscription to the endpoint's dependsOn.",
        ]);
    });

    it("needs no subscription for Microsoft registry models, and ignores other types", () => {
        const resources = [
            endpoint("phi", PHI),
            subscription("lonely", MISTRAL_LARGE_2411),
            res("azure-native:storage:StorageAccount", "s", {}),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("does not judge unknown model ids or workspaces, and counts a subscription with unknown values as a match", () => {
        const hub = workspace("hub");
        const resources = [
            hub,
            endpoint("unknown-model", PULUMI_UNKNOWN),
            endpoint("unknown-ws", MISTRAL_LARGE_2411, {
                workspaceName: PULUMI_UNKNOWN,
                resourceGroupName: PULUMI_UNKNOWN,
            }),
            subscription("pending", "[unknown]", { workspaceName: "hub2" }),
            endpoint("maybe", MISTRAL_LARGE_2411, { workspaceName: "hub2" }),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("follows its externalSubscriptionModels config", () => {
        const resources = [endpoint("chat", MISTRAL_LARGE_2411)];
        expect(verdict(RULE, { resources })).toHaveLength(1);
        expect(
            verdict(RULE, {
                resources,
                config: { externalSubscriptionModels: ["azureml://registries/azureml-mistral/*"] },
            }),
        ).toEqual([]);
    });
});
