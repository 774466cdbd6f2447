/**
 * The Foundry capacity a plan asks for, per region, model and deployment SKU, against the model's default quota,
 * computed from the planned `cognitiveservices:Deployment` inputs (so it works for raw azure-native stacks too): the
 * region is the account's, found among the planned accounts by name. Above the default a quota increase must be
 * granted before `pulumi up`, or the deployment fails for lack of quota.
 */
import {
    FOUNDRY_CAPACITY_UNIT_TPM,
    defaultFoundryQuota,
    findFoundryOffer,
    normalizeRegion,
    provisionedQuotaNote,
} from "../infra/catalog";
import { UNKNOWN, type FoundryQuotaRow, type PlannedResource } from "./types";

const ACCOUNT = "azure-native:cognitiveservices:Account";
const DEPLOYMENT = "azure-native:cognitiveservices:Deployment";

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === "object" ? (v as Loose) : {});
const known = (v: unknown): v is string => typeof v === "string" && v !== UNKNOWN;

export interface FoundryQuotaReport {
    rows: FoundryQuotaRow[];
    /** Deployments left out, with why (an account the plan does not create, a model the catalog lacks). */
    skipped: { deployment: string; reason: string }[];
}

export function foundryQuotaReport(resources: readonly PlannedResource[]): FoundryQuotaReport {
    const regions = new Map<string, string>();
    for (const a of resources.filter((r) => r.type === ACCOUNT)) {
        if (known(a.inputs.accountName) && known(a.inputs.location))
            regions.set(a.inputs.accountName, normalizeRegion(a.inputs.location));
    }
    const rows = new Map<string, FoundryQuotaRow>();
    const skipped: FoundryQuotaReport["skipped"] = [];
    for (const r of resources.filter((x) => x.type === DEPLOYMENT)) {
        const account = r.inputs.accountName;
        const label = `${String(account)}/${String(r.inputs.deploymentName ?? r.name)}`;
        const sku = obj(r.inputs.sku);
        const modelName = obj(obj(r.inputs.properties).model).name;
        const region = known(account) ? regions.get(account) : undefined;
        if (!region) {
            skipped.push({ deployment: label, reason: "its account's region is not in the plan" });
            continue;
        }
        const offer = known(modelName) ? findFoundryOffer(modelName).offer : undefined;
        if (!offer || !known(sku.name) || typeof sku.capacity !== "number") {
            skipped.push({
                deployment: label,
                reason: offer
                    ? "SKU or capacity not known"
                    : `${String(modelName)} is not in the catalog's Foundry table`,
            });
            continue;
        }
        const defaultQuota = defaultFoundryQuota(offer, sku.name);
        if (defaultQuota === undefined) {
            skipped.push({ deployment: label, reason: provisionedQuotaNote(offer, sku.name, sku.capacity) });
            continue;
        }
        const key = `${region}|${offer.name}|${sku.name}`;
        const row = rows.get(key) ?? {
            region,
            model: offer.name,
            sku: sku.name,
            deployments: [],
            capacity: 0,
            tokensPerMinute: 0,
            defaultQuota,
            overDefault: false,
        };
        row.deployments.push(label);
        row.capacity += sku.capacity;
        row.tokensPerMinute = row.capacity * FOUNDRY_CAPACITY_UNIT_TPM.tokensPerMinute;
        row.overDefault = row.capacity > row.defaultQuota;
        rows.set(key, row);
    }
    for (const row of rows.values()) row.deployments.sort();
    return {
        rows: [...rows.values()].sort(
            (a, b) => a.region.localeCompare(b.region) || a.model.localeCompare(b.model) || a.sku.localeCompare(b.sku),
        ),
        skipped,
    };
}
