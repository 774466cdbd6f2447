/**
 * Catalog drift: the Foundry table of the catalog (`infra/catalog/foundry.ts`) against what
 * `Microsoft.CognitiveServices/locations/{location}/models` returns for each region the catalog names: the model
 * offered there at all, its default version, its SKUs and its deprecation date. The catalog is written from
 * Microsoft's docs on a date; this shows where Azure has moved since.
 */
import { ARM_READ_API_VERSIONS, ARM_READ_PATHS } from "../infra/catalog/armReads";
import { FOUNDRY_OFFERS, type FoundryOffer } from "../infra/catalog";
import { ArmCallError, type ArmReader } from "./arm";
import { cell, text } from "../plan/report/mdEscape";

export interface Drift {
    region: string;
    model: string;
    /** What differs: `offered`, `version`, `sku` or `lifecycle`. */
    kind: "offered" | "version" | "sku" | "lifecycle";
    catalog: string;
    azure: string;
}

export interface DriftReport {
    regions: string[];
    differences: Drift[];
    /** Regions that could not be read, with why (never counted as "no difference"). */
    unread: { region: string; reason: string }[];
}

interface AzureModel {
    model?: {
        format?: string;
        name?: string;
        version?: string;
        deprecation?: { inference?: string };
        skus?: { name?: string; deprecationDate?: string }[];
    };
}

/** Regions of the catalog's Foundry offers, each with the offers (and SKUs) it lists there. */
export function catalogRegions(
    offers: readonly FoundryOffer[] = FOUNDRY_OFFERS,
): Map<string, Map<FoundryOffer, string[]>> {
    const out = new Map<string, Map<FoundryOffer, string[]>>();
    for (const o of offers)
        for (const s of o.skus)
            for (const r of s.regions) {
                const byOffer = out.get(r) ?? new Map<FoundryOffer, string[]>();
                byOffer.set(o, [...(byOffer.get(o) ?? []), s.sku]);
                out.set(r, byOffer);
            }
    return out;
}

const lower = (s: unknown) => String(s ?? "").toLowerCase();

/** Differences in one region. */
export function regionDrift(region: string, offers: Map<FoundryOffer, string[]>, azure: AzureModel[]): Drift[] {
    const out: Drift[] = [];
    for (const [offer, skus] of offers) {
        const entries = azure.filter(
            (m) => lower(m.model?.format) === lower(offer.format) && lower(m.model?.name) === lower(offer.name),
        );
        const d = (kind: Drift["kind"], catalog: string, az: string) =>
            out.push({ region, model: offer.name, kind, catalog, azure: az });
        if (entries.length === 0) {
            d("offered", `offered (${skus.join(", ")})`, "not offered to this subscription");
            continue;
        }
        const versions = [...new Set(entries.map((e) => String(e.model?.version)))];
        const entry = entries.find((e) => e.model?.version === offer.version);
        if (!entry) {
            d("version", `version ${offer.version}`, `versions ${versions.join(", ")}`);
            continue;
        }
        const azureSkus = (entry.model?.skus ?? []).map((s) => String(s.name));
        for (const sku of skus)
            if (!azureSkus.some((s) => lower(s) === lower(sku)))
                d("sku", sku, `SKUs ${azureSkus.join(", ") || "none"}`);
        const catalogDate = offer.lifecycle?.deprecated ?? offer.lifecycle?.retired;
        const dates = new Set(
            (entry.model?.skus ?? [])
                .filter((s) => skus.some((k) => lower(k) === lower(s.name)))
                .map((s) => (s.deprecationDate ?? entry.model?.deprecation?.inference)?.slice(0, 10))
                .filter((x): x is string => !!x),
        );
        for (const date of dates)
            if (date !== catalogDate)
                d("lifecycle", catalogDate ? `deprecated ${catalogDate}` : "no deprecation date", `deprecated ${date}`);
    }
    return out;
}

export async function catalogDrift(
    arm: ArmReader,
    subscriptionId: string,
    onlyRegions?: readonly string[],
): Promise<DriftReport> {
    const all = catalogRegions();
    const regions = [...all.keys()].filter((r) => !onlyRegions || onlyRegions.includes(r)).sort();
    const results = await Promise.all(
        regions.map(async (region) => {
            try {
                const azure = (await arm.list(
                    `/subscriptions/${subscriptionId}${ARM_READ_PATHS.cognitiveModels(region)}`,
                    {
                        "api-version": ARM_READ_API_VERSIONS.cognitiveServices,
                    },
                )) as AzureModel[];
                return { region, differences: regionDrift(region, all.get(region)!, azure) };
            } catch (e) {
                if (!(e instanceof ArmCallError)) throw e;
                return { region, differences: [], reason: e.message };
            }
        }),
    );
    return {
        regions,
        differences: results.flatMap((r) => r.differences),
        unread: results.filter((r) => r.reason).map((r) => ({ region: r.region, reason: r.reason! })),
    };
}

export function renderDrift(report: DriftReport, format: "text" | "markdown"): string {
    const head = `Catalog drift: ${report.differences.length} difference(s) in ${report.regions.length} region(s)${report.unread.length ? `, ${report.unread.length} region(s) not read` : ""}`;
    if (format === "markdown") {
        const out = [`## ${head}`, ""];
        if (report.differences.length > 0) {
            out.push("| region | model | what | catalog | Azure |", "|---|---|---|---|---|");
            for (const d of report.differences)
                out.push(`| ${[d.region, d.model, d.kind, d.catalog, d.azure].map(cell).join(" | ")} |`);
        }
        for (const u of report.unread) out.push(`- not read: ${text(u.region)}: ${text(u.reason)}`);
        return out.join("\n");
    }
    return [
        head,
        ...report.differences.map(
            (d) => `  ${d.region}  ${d.model}  ${d.kind}: catalog ${d.catalog}; Azure ${d.azure}`,
        ),
        ...report.unread.map((u) => `  not read: ${u.region}: ${u.reason}`),
    ].join("\n");
}
