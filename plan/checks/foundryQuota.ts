/**
 * The Foundry capacity a plan asks for, per region, model and deployment SKU, against the model's default quota,
 * computed from the planned `cognitiveservices:Deployment` inputs (so it works for raw azure-native stacks too). The
 * deployments are grouped as the policy pack's foundry-capacity-limits groups them (`foundryQuotaGroups`): the region
 * is that of the deployment's account, found by the input's dependencies or by name. Above the default a quota
 * increase must be granted before `pulumi up`, or the deployment fails for lack of quota.
 */
import { FOUNDRY_CAPACITY_UNIT_TPM, provisionedQuotaNote } from "../../infra/catalog";
import {
    deploymentModel,
    describeModel,
    foundryIndex,
    foundryQuotaGroups,
    type QuotaExclusion,
} from "../../policies/lib/foundry";
import { knownString } from "../../policies/lib/unknown";
import type { ResourceView } from "../../policies/lib/view";
import { resourceView } from "./policy";
import type { FoundryQuotaRow, PlannedResource } from "../run/types";

export interface FoundryQuotaReport {
    rows: FoundryQuotaRow[];
    /** Deployments left out, with why (an account the plan does not create, a model the catalog lacks). */
    skipped: { deployment: string; reason: string }[];
}

/** `account/deployment`: the account's name as the deployment or the account knows it, else the account's logical name. */
function label(deployment: ResourceView, account: ResourceView | undefined): string {
    const accountName =
        knownString(deployment.props, "accountName") ??
        (account ? (knownString(account.props, "accountName") ?? account.name) : String(deployment.props.accountName));
    return `${accountName}/${String(deployment.props.deploymentName ?? deployment.name)}`;
}

const NO_REGION = "its account's region is not in the plan";

function skipReason(x: QuotaExclusion): string {
    switch (x.why) {
        case "no-account":
            return NO_REGION;
        case "unknown-model":
            return `${describeModel(deploymentModel(x.deployment))} is not in the catalog's Foundry table`;
        case "unknown-sku-or-capacity":
            return "SKU or capacity not known";
        case "provisioned":
            return provisionedQuotaNote(x.offer, x.sku, x.capacity);
    }
}

export function foundryQuotaReport(resources: readonly PlannedResource[]): FoundryQuotaReport {
    const index = foundryIndex(resources.map(resourceView));
    const { groups, excluded } = foundryQuotaGroups(index);
    const rows: FoundryQuotaRow[] = [];
    const left: { deployment: ResourceView; account?: ResourceView; reason: string }[] = excluded.map((x) => ({
        ...x,
        reason: skipReason(x),
    }));
    for (const g of groups) {
        if (g.region === undefined) {
            left.push(...g.items.map((s) => ({ deployment: s.resource, account: s.account, reason: NO_REGION })));
            continue;
        }
        const capacity = g.items.reduce((sum, s) => sum + s.capacity, 0);
        rows.push({
            region: g.region,
            model: g.offer.name,
            sku: g.sku,
            deployments: g.items.map((s) => label(s.resource, s.account)).sort(),
            capacity,
            tokensPerMinute: capacity * FOUNDRY_CAPACITY_UNIT_TPM.tokensPerMinute,
            defaultQuota: g.defaultQuota,
            overDefault: capacity > g.defaultQuota,
        });
    }
    // In the order the program registered them, as they appear in the plan.
    const order = new Map(index.deployments.map((d, i) => [d, i]));
    left.sort((a, b) => order.get(a.deployment)! - order.get(b.deployment)!);
    return {
        rows: rows.sort(
            (a, b) => a.region.localeCompare(b.region) || a.model.localeCompare(b.model) || a.sku.localeCompare(b.sku),
        ),
        skipped: left.map((x) => ({ deployment: label(x.deployment, x.account), reason: x.reason })),
    };
}
