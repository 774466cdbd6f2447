/**
 * Rule 2: one serverless deployment per model per workspace or project. Azure "currently limit[s] one deployment
 * per model per workspace" (the MS docs serverless guides for Mistral, AI21 and Llama): a second ServerlessEndpoint for the same model in the same workspace
 * fails at creation. Optionally the same limit for managed OnlineDeployments (a cost guard, not an Azure limit).
 * Foundry deployments (`cognitiveservices.Deployment`) are not judged: on a Foundry resource Azure allows the same
 * model several times under different deployment names (MS docs foundry-models/quotas-limits.md @11df5a03); their shared quota is
 * foundry-capacity-limits' business.
 */
import { describe, isKind, modelIdOf } from "../lib/azure";
import { withoutVersion } from "../lib/catalog";
import { defineStackRule, type Finding } from "../lib/rule";
import type { ResourceView } from "../lib/view";
import { describeWorkspace, sameWorkspace, workspaceKeys, workspaceOf, type WorkspaceRef } from "../lib/workspaces";

export interface OneDeploymentPerModelConfig {
    includeManagedDeployments: boolean;
}

interface Deployment {
    resource: ResourceView;
    modelId: string;
    workspace: WorkspaceRef;
}

/**
 * Each deployment after the first of its model in a workspace, with the first. The earlier deployments are indexed
 * by model and workspace key, so each deployment is compared only with those that can be in its workspace.
 */
function duplicates(group: Deployment[], describeLimit: (d: Deployment, first: Deployment) => string): Finding[] {
    const findings: Finding[] = [];
    const earlier = new Map<string, { d: Deployment; position: number }[]>();
    group.forEach((d, position) => {
        const keys = workspaceKeys(d.workspace).map((k) => `${d.modelId.toLowerCase()}\n${k}`);
        let first: { d: Deployment; position: number } | undefined;
        for (const e of keys.flatMap((k) => earlier.get(k) ?? [])) {
            if ((!first || e.position < first.position) && sameWorkspace(e.d.workspace, d.workspace) === true)
                first = e;
        }
        if (first) findings.push({ urn: d.resource.urn, message: describeLimit(d, first.d) });
        for (const k of keys) {
            let list = earlier.get(k);
            if (!list) earlier.set(k, (list = []));
            list.push({ d, position });
        }
    });
    return findings;
}

export const oneDeploymentPerModel = defineStackRule<OneDeploymentPerModelConfig>({
    name: "one-deployment-per-model",
    description:
        "No two serverless endpoints deploy the same model in one workspace or project (Azure allows one per model per workspace).",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema: {
        properties: {
            includeManagedDeployments: {
                type: "boolean",
                default: false,
                description:
                    "Also allow only one managed OnlineDeployment per model (any version) per workspace, as a cost guard.",
            },
        },
    },
    remediationSteps:
        "Keep one serverless endpoint per model in each workspace or project; to go beyond one deployment's rate limits, deploy the model in another workspace or project.",
    check: (stack, config) => {
        const serverless: Deployment[] = [];
        const managed: Deployment[] = [];
        for (const r of stack.resources) {
            const isServerless = isKind(r, "ServerlessEndpoint");
            if (!isServerless && !(config.includeManagedDeployments && isKind(r, "OnlineDeployment"))) continue;
            const modelId = modelIdOf(r);
            if (modelId === undefined) continue;
            const d = { resource: r, workspace: workspaceOf(r, stack.resources) };
            if (isServerless) serverless.push({ ...d, modelId });
            else managed.push({ ...d, modelId: withoutVersion(modelId) });
        }
        return [
            ...duplicates(
                serverless,
                (d, first) =>
                    `${describe(d.resource)} deploys ${d.modelId} in workspace ${describeWorkspace(d.workspace)}, ` +
                    `which ${describe(first.resource)} already deploys: Azure allows one serverless deployment per model per workspace or project, ` +
                    `so the second one fails. Remove one of them, or deploy the model in another workspace or project.`,
            ),
            ...duplicates(
                managed,
                (d, first) =>
                    `${describe(d.resource)} deploys ${d.modelId} in workspace ${describeWorkspace(d.workspace)}, ` +
                    `which ${describe(first.resource)} already deploys (one-deployment-per-model includeManagedDeployments is on). ` +
                    `Remove one of them, or set includeManagedDeployments to false.`,
            ),
        ];
    },
});
