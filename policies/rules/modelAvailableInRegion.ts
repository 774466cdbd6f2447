/**
 * Rule 4: a serverless model is sold in the region of the workspace (or the project's hub) it is deployed into,
 * per the catalog's region lists (MS docs `region-availability-maas.md`); and a Foundry deployment's model is offered
 * with the deployment's SKU in its account's region, per the catalog's Foundry offers (`infra/catalog/foundry.ts`).
 * Models not in the catalog are not judged.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { describe, isKind, modelIdOf } from "../lib/azure";
import { FOUNDRY_SKU_NAMES, findFoundryModel, findServerlessModel, foundrySku, normalizeRegion } from "../lib/catalog";
import { deploymentModel, deploymentSku, describeModel, foundryIndex } from "../lib/foundry";
import { defineStackRule, list, type Finding } from "../lib/rule";
import { knownString } from "../lib/unknown";
import type { StackView } from "../lib/view";
import { workspaceOf, workspaceRegion } from "../lib/workspaces";

export interface ModelAvailableInRegionConfig {
    additionalRegions: Record<string, string[]>;
    additionalFoundryRegions: Record<string, Record<string, string[]>>;
}

const extraFor = <T>(byModel: Record<string, T>, model: string): T[] =>
    Object.entries(byModel)
        .filter(([name]) => name.toLowerCase() === model.toLowerCase())
        .map(([, v]) => v);

/**
 * Foundry deployments: the catalog's offer of the model has the deployment's SKU, in the region of its account.
 * SKUs the catalog does not know at all (`S0`) are foundry-deployment-skus' business.
 */
function foundryFindings(stack: StackView, config: ModelAvailableInRegionConfig): Finding[] {
    const index = foundryIndex(stack.resources);
    const findings: Finding[] = [];
    for (const d of index.deployments) {
        const model = deploymentModel(d);
        const offer = findFoundryModel(model);
        const skuName = deploymentSku(d).name;
        if (!offer || skuName === undefined || !FOUNDRY_SKU_NAMES.includes(skuName as never)) continue;
        const sku = foundrySku(offer, skuName);
        const what = `${describe(d)} deploys ${describeModel(model)} with SKU ${skuName}`;
        if (!sku) {
            const offered = offer.skus.map((s) => s.sku);
            findings.push({
                urn: d.urn,
                message:
                    `${what}, but the model is offered on Foundry only as ${list(offered)} (${offer.source.document}, ${offer.source.date}). ` +
                    `Set sku.name to ${offered.length > 1 ? "one of them" : offered[0]}, or choose a model offered as ${skuName}.`,
            });
            continue;
        }
        const account = index.accountOf(d);
        const region = account ? knownString(account.props, "location") : undefined;
        if (region === undefined) continue;
        const extra = extraFor(config.additionalFoundryRegions, offer.name).flatMap((bySku) =>
            extraFor(bySku, skuName).flat(),
        );
        const offered = [...sku.regions, ...extra].map(normalizeRegion);
        if (offered.includes(normalizeRegion(region))) continue;
        findings.push({
            urn: d.urn,
            message:
                `${what} on account ${describe(account!)} in region "${region}", but that SKU is offered only in ${list([...new Set(offered)])} ` +
                `(${sku.source.document}, ${sku.source.date}). ` +
                `Deploy it on an account in one of those regions, use another SKU of the model, or choose a model offered in "${region}".`,
        });
    }
    return findings;
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
        additionalFoundryRegions: {
            type: "object",
            additionalProperties: {
                type: "object",
                additionalProperties: { type: "array", items: { type: "string", minLength: 1 } },
            },
            default: {},
            description:
                'Extra regions per Foundry model name and deployment SKU (`{ "Mistral-Large-3": { "GlobalStandard": ["westus2"] } }`), for when Azure adds a region before the catalog does.',
        },
    },
};

export const modelAvailableInRegion = defineStackRule<ModelAvailableInRegionConfig>({
    name: "model-available-in-region",
    description:
        "A serverless model is offered in the region of the workspace or project (its hub's region) it is deployed into; a Foundry deployment's model is offered with its SKU in its account's region.",
    enforcementLevel: "mandatory",
    severity: "high",
    configSchema,
    remediationSteps:
        "Deploy the model into a workspace, hub or Foundry account in one of the regions the catalog lists for it (with that SKU, on Foundry), or choose a model offered in that region.",
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
        return [...findings, ...foundryFindings(stack, config)];
    },
});
