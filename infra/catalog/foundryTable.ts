/** The catalog's Foundry table as Markdown, for docs/foundry.md (a test keeps the doc's copy equal to this). */
import {
    FOUNDRY_GLOBAL_STANDARD_REGIONS,
    FOUNDRY_MARKETPLACE_REGIONS,
    FOUNDRY_OFFERS,
    type FoundrySkuOffer,
} from "./foundry";
import { replacementText } from "./table";

function regionsText(s: FoundrySkuOffer): string {
    if (s.dataZones) return `data zones ${Object.keys(s.dataZones).join(", ")}`;
    if (s.regions === FOUNDRY_GLOBAL_STANDARD_REGIONS) return `${s.regions.length} regions (Azure direct)`;
    if (s.regions === FOUNDRY_MARKETPLACE_REGIONS) return `${s.regions.length} regions (Marketplace)`;
    return s.regions.join(", ");
}

export function foundryMarkdownTable(): string {
    const rows = FOUNDRY_OFFERS.map((o) => {
        const skus = o.skus
            .map((s) => {
                const ptu = s.provisioned
                    ? `, ${s.provisioned.minimumUnits} PTUs or more in steps of ${s.provisioned.increment}`
                    : "";
                return `${s.sku}: ${regionsText(s)}${ptu}`;
            })
            .join("; ");
        const r = o.rateLimits;
        const rates = `${r.tokensPerMinute.toLocaleString("en-US")} / ${r.requestsPerMinute.toLocaleString("en-US")} / ${r.concurrentRequests}`;
        const lc = o.lifecycle;
        const dates = lc?.retired
            ? `retired ${lc.retired}${lc.replacement ? ` ${replacementText(lc.replacement)}` : ""}`
            : "no date listed";
        const lifecycle = `${o.stage.stage} (${o.stage.source.date}), ${dates}`;
        return `| ${o.name} | ${o.format} | ${o.soldBy === "Azure" ? "Azure" : "partner (Marketplace)"} | ${o.version} | ${skus} | ${rates} | ${lifecycle} |`;
    });
    return [
        "| model | format | sold by | default version | SKUs: regions | default TPM / RPM / concurrent | lifecycle |",
        "|---|---|---|---|---|---|---|",
        ...rows,
    ].join("\n");
}

if (require.main === module) process.stdout.write(`${foundryMarkdownTable()}\n`);
