/**
 * Rule 3: a serverless endpoint for an Azure Marketplace model has its MarketplaceSubscription (same model, same
 * workspace) and depends on it. The modelId string creates no dependency, so without an explicit `dependsOn` Pulumi
 * may create the endpoint first and Azure fails with `ServerlessOfferNotFound` (pulumi/pulumi-azure-native#3687).
 */
import { describe, isKind, modelIdOf } from "../lib/azure";
import { needsMarketplaceSubscription } from "../lib/catalog";
import { defineStackRule, matchesAnyGlob, stringList, type Finding } from "../lib/rule";
import { read, type Read } from "../lib/unknown";
import type { ResourceView } from "../lib/view";
import { describeWorkspace, sameWorkspace, workspaceOf, type WorkspaceRef } from "../lib/workspaces";

export interface ServerlessEndpointHasSubscriptionConfig {
    externalSubscriptionModels: string[];
}

interface Subscription {
    resource: ResourceView;
    position: number;
    model: Read;
    workspace: WorkspaceRef;
}

export const serverlessEndpointHasSubscription = defineStackRule<ServerlessEndpointHasSubscriptionConfig>({
    name: "serverless-endpoint-has-subscription",
    description:
        "A serverless endpoint for an Azure Marketplace model has a MarketplaceSubscription for that model in the same workspace, and depends on it.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            externalSubscriptionModels: stringList(
                "Model ids (globs, `*` for any characters, case-insensitive) whose Marketplace subscription is managed outside this stack; endpoints for them are not judged.",
                [],
            ),
        },
    },
    remediationSteps:
        "Create a machinelearningservices.MarketplaceSubscription with the endpoint's modelId in the same workspace, and add it to the endpoint's dependsOn.",
    check: (stack, config) => {
        const findings: Finding[] = [];
        // The subscriptions, once, by the model they subscribe to (lower-cased; "" for a model unknown in this
        // preview, which may be any endpoint's), each with its position in the stack and its workspace.
        const byModel = new Map<string, Subscription[]>();
        stack.resources.forEach((r, position) => {
            if (!isKind(r, "MarketplaceSubscription")) return;
            const model = read(r.props, "properties.modelId");
            if (model.state === "absent") return;
            const key = model.state === "known" ? String(model.value).toLowerCase() : "";
            const s = { resource: r, position, model, workspace: workspaceOf(r, stack.resources) };
            let list = byModel.get(key);
            if (!list) byModel.set(key, (list = []));
            list.push(s);
        });
        for (const endpoint of stack.resources.filter((r) => isKind(r, "ServerlessEndpoint"))) {
            const modelId = modelIdOf(endpoint);
            if (modelId === undefined || !needsMarketplaceSubscription(modelId)) continue;
            if (matchesAnyGlob(modelId, config.externalSubscriptionModels)) continue;
            const workspace = workspaceOf(endpoint, stack.resources);
            // Subscriptions that may be this endpoint's (some value unknown) and those that surely are, in stack order.
            const candidates = [...(byModel.get(modelId.toLowerCase()) ?? []), ...(byModel.get("") ?? [])]
                .filter((s) => sameWorkspace(s.workspace, workspace) !== false)
                .sort((a, b) => a.position - b.position);
            const certain = candidates.filter(
                (s) => s.model.state === "known" && sameWorkspace(s.workspace, workspace) === true,
            );
            if (candidates.length === 0) {
                findings.push({
                    urn: endpoint.urn,
                    message:
                        `${describe(endpoint)} deploys the Azure Marketplace model ${modelId} in workspace ${describeWorkspace(workspace)}, ` +
                        `but the stack has no MarketplaceSubscription for that model in that workspace, so Azure rejects the deployment (ServerlessOfferNotFound). ` +
                        `Add a machinelearningservices.MarketplaceSubscription with properties.modelId "${modelId}" in the same workspace and put it in the endpoint's dependsOn, ` +
                        `or, if the subscription is managed elsewhere, add the model id to externalSubscriptionModels.`,
                });
                continue;
            }
            if (certain.length === 0) continue;
            if (candidates.some((s) => endpoint.dependencies.includes(s.resource.urn))) continue;
            findings.push({
                urn: endpoint.urn,
                message:
                    `${describe(endpoint)} does not depend on ${describe(certain[0].resource)}, its subscription to ${modelId}: ` +
                    `the modelId string creates no dependency, so Pulumi may create the endpoint first and Azure fails with ServerlessOfferNotFound. ` +
                    `Add the subscription to the endpoint's dependsOn.`,
            });
        }
        return findings;
    },
});
