/**
 * Rule 4: a serverless model is sold in the region of the workspace (or the project's hub) it is deployed into,
 * per the catalog's region lists (MS docs `region-availability-maas.md`). Models not in the catalog are not judged.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { describe, isKind, modelIdOf } from "../lib/azure";
import { findServerlessModel, normalizeRegion } from "../lib/catalog";
import { defineStackRule, list, type Finding } from "../lib/rule";
import { knownString } from "../lib/unknown";
import { workspaceOf, workspaceRegion } from "../lib/workspaces";

export interface ModelAvailableInRegionConfig {
    additionalRegions: Record<string, string[]>;
}

const configSchema: PolicyConfigSchema = {
    properties: {
        additionalRegions: {
            type: "object",
            additionalProperties: { type: "array", items: { type: "string", minLength: 1 } },
            default: {},
            description:
                'Extra regions per catalog model name (`{ "Mistral-Large-2411": ["westeurope"] }`), for when Azure adds a region before the catalog does.',
        },
    },
};

export const modelAvailableInRegion = defineStackRule<ModelAvailableInRegionConfig>({
    name: "model-available-in-region",
    description:
        "A serverless model is offered in the region of the workspace or project (its hub's region) it is deployed into.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema,
    remediationSteps:
        "Deploy the model into a workspace or hub created in one of the regions the catalog lists for it, or choose a model offered in the workspace's region.",
    check: (stack, config) => {
        const findings: Finding[] = [];
        for (const endpoint of stack.resources.filter((r) => isKind(r, "ServerlessEndpoint"))) {
            const modelId = modelIdOf(endpoint);
            const model = modelId !== undefined ? findServerlessModel(modelId) : undefined;
            if (!model?.serverless) continue;
            const ws = workspaceOf(endpoint, stack.resources).workspace;
            // Without the workspace in this stack, the endpoint's own location input is the best evidence.
            const { region, from } = ws
                ? workspaceRegion(ws, stack.resources)
                : { region: knownString(endpoint.props, "location"), from: "its own location input" };
            if (region === undefined) continue;
            const extra = Object.entries(config.additionalRegions)
                .filter(([name]) => name.toLowerCase() === model.name.toLowerCase())
                .flatMap(([, regions]) => regions);
            const offered = [...model.serverless.regions, ...extra].map(normalizeRegion);
            if (offered.includes(normalizeRegion(region))) continue;
            findings.push({
                urn: endpoint.urn,
                message:
                    `${describe(endpoint)} deploys ${model.displayName} (${modelId}) in region "${region}" (from ${from}), ` +
                    `but its serverless offer is sold only in ${list([...new Set(offered)])} ` +
                    `(${model.serverless.regionsSource.document}, ${model.serverless.regionsSource.date}). ` +
                    `Deploy it into a workspace or hub in one of those regions, or choose a model offered in "${region}".`,
            });
        }
        return findings;
    },
});
