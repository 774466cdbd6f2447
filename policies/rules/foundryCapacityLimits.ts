/**
 * Rule 14 (Foundry): deployment capacity (`sku.capacity`, units of 1,000 tokens per minute for standard
 * deployments) within limits. Azure grants quota per subscription, region, model and deployment type; deployments
 * beyond it fail. By default the deployments of one model with one SKU in one region, summed over the stack, stay
 * within the catalog's default quota (`defaultFoundryQuota`), unless the team records a larger granted quota;
 * optional caps per deployment and per account keep costs bounded. A provisioned deployment counts PTUs: it must
 * be a size Azure accepts for the model (`provisionedSizeProblem`), and it draws on the subscription's PTU quota,
 * which the catalog does not know, so it is left out of the default-quota sum.
 */
import type { PolicyConfigSchema } from "@pulumi/policy";
import { describe } from "../lib/azure";
import { findFoundryModel, provisionedSizeProblem } from "../lib/catalog";
import {
    deploymentModel,
    deploymentSku,
    describeModel,
    foundryIndex,
    foundryQuotaGroups,
    type FoundryIndex,
    type SizedDeployment,
} from "../lib/foundry";
import { defineStackRule, list, type Finding } from "../lib/rule";
import type { ResourceView } from "../lib/view";

export interface FoundryCapacityLimitsConfig {
    maxCapacityPerDeployment: number;
    maxCapacityPerAccount: number;
    checkDefaultQuota: boolean;
    grantedQuota: Record<string, number>;
}

const configSchema: PolicyConfigSchema = {
    properties: {
        maxCapacityPerDeployment: {
            type: "integer",
            minimum: 0,
            default: 0,
            description: "Largest sku.capacity of one deployment; 0 for no cap.",
        },
        maxCapacityPerAccount: {
            type: "integer",
            minimum: 0,
            default: 0,
            description: "Largest sum of sku.capacity over the deployments of one account; 0 for no cap.",
        },
        checkDefaultQuota: {
            type: "boolean",
            default: true,
            description:
                "Keep the capacity of a catalog model's deployments with one SKU in one region within its default quota (or grantedQuota).",
        },
        grantedQuota: {
            type: "object",
            additionalProperties: { type: "integer", minimum: 1 },
            default: {},
            description:
                'Quota your subscription was granted beyond the default, in capacity units per region and SKU, by model name (`{ "Llama-4-Maverick-17B-128E-Instruct-FP8": 1000 }`).',
        },
    },
};

function what(d: ResourceView): string {
    return `${describe(d)} (${describeModel(deploymentModel(d))})`;
}

function quotaFindings(index: FoundryIndex, config: FoundryCapacityLimitsConfig): Finding[] {
    const findings: Finding[] = [];
    for (const g of foundryQuotaGroups(index).groups) {
        const granted = Object.entries(config.grantedQuota).find(
            ([k]) => k.toLowerCase() === g.offer.name.toLowerCase(),
        );
        const quota = granted ? granted[1] : g.defaultQuota;
        const total = g.items.reduce((sum, s) => sum + s.capacity, 0);
        if (total <= quota) continue;
        const where =
            g.region !== undefined ? `region "${g.region}"` : `the region of ${describe(g.items[0].account!)}`;
        const names = list(g.items.map((s) => `"${s.resource.name}" (${s.capacity})`));
        const basis = granted
            ? "the quota recorded in grantedQuota"
            : `the default quota (${g.offer.rateLimits.tokensPerMinute.toLocaleString("en-US")} tokens per minute, ${g.offer.rateLimits.source.document}, ${g.offer.rateLimits.source.date})`;
        const last = g.items[g.items.length - 1].resource;
        findings.push({
            urn: last.urn,
            message:
                `${what(last)}: the ${g.sku} deployments of ${g.offer.name} in ${where} ask for ${total} capacity units in all (${names}), ` +
                `above ${basis} of ${quota}. Lower sku.capacity, or request a ${g.sku} quota increase for ${g.offer.name} in that region ` +
                `and record it in the foundry-capacity-limits config (grantedQuota).`,
        });
    }
    return findings;
}

/** Provisioned deployments of a size Azure refuses for their model. */
function ptuFindings(sized: SizedDeployment[]): Finding[] {
    const findings: Finding[] = [];
    for (const s of sized) {
        const offer = findFoundryModel(deploymentModel(s.resource));
        const sku = deploymentSku(s.resource).name;
        const problem = offer && sku !== undefined ? provisionedSizeProblem(offer, sku, s.capacity) : undefined;
        if (problem)
            findings.push({ urn: s.resource.urn, message: `${what(s.resource)} sets sku.capacity ${problem}.` });
    }
    return findings;
}

function capFindings(sized: SizedDeployment[], index: FoundryIndex, config: FoundryCapacityLimitsConfig): Finding[] {
    const findings: Finding[] = [];
    const cap = config.maxCapacityPerDeployment;
    for (const s of sized) {
        if (cap > 0 && s.capacity > cap)
            findings.push({
                urn: s.resource.urn,
                message:
                    `${what(s.resource)} sets sku.capacity ${s.capacity}, above the cap of ${cap} per deployment. ` +
                    `Lower it, or raise the foundry-capacity-limits config (maxCapacityPerDeployment).`,
            });
    }
    if (config.maxCapacityPerAccount > 0) {
        const byAccount = new Map<ResourceView, SizedDeployment[]>();
        for (const s of sized) {
            if (!s.account) continue;
            const items = byAccount.get(s.account);
            if (items) items.push(s);
            else byAccount.set(s.account, [s]);
        }
        for (const account of index.accounts) {
            const items = byAccount.get(account) ?? [];
            const total = items.reduce((sum, s) => sum + s.capacity, 0);
            if (total <= config.maxCapacityPerAccount) continue;
            const names = list(items.map((s) => `"${s.resource.name}" (${s.capacity})`));
            findings.push({
                urn: account.urn,
                message:
                    `${describe(account)} holds deployments of ${total} capacity units in all (${names}), above the cap of ` +
                    `${config.maxCapacityPerAccount} per account. Lower their sku.capacity, or raise the foundry-capacity-limits config (maxCapacityPerAccount).`,
            });
        }
    }
    return findings;
}

export const foundryCapacityLimits = defineStackRule<FoundryCapacityLimitsConfig>({
    name: "foundry-capacity-limits",
    description:
        "Foundry deployment capacity stays within the model's quota per region and SKU (default quota from the catalog, or the granted one) and any configured caps.",
    enforcementLevel: "mandatory",
    severity: "medium",
    configSchema,
    remediationSteps:
        "Lower the deployments' sku.capacity, or request a quota increase for the model, SKU and region and record it in the foundry-capacity-limits config (grantedQuota).",
    check: (stack, config) => {
        const index = foundryIndex(stack.resources);
        const sized: SizedDeployment[] = [];
        for (const d of index.deployments) {
            const capacity = deploymentSku(d).capacity;
            if (capacity === undefined) continue;
            const account = index.accountOf(d);
            sized.push({ resource: d, capacity, ...(account ? { account } : {}) });
        }
        return [
            ...ptuFindings(sized),
            ...(config.checkDefaultQuota ? quotaFindings(index, config) : []),
            ...capFindings(sized, index, config),
        ];
    },
});
