/** The catalog as a Markdown table, for docs/catalog.md (a test keeps that copy equal to this). */
import { MODELS } from "./models";
import { SERVERLESS_REGIONS } from "./regions";
import type { Lifecycle } from "./types";

function lifecycleText(lc: Lifecycle | undefined): string {
    if (!lc) return "";
    const parts = [
        lc.legacy ? `legacy ${lc.legacy}` : "",
        lc.deprecated ? `deprecated ${lc.deprecated}` : "",
        lc.retired ? `retired ${lc.retired}` : "",
        lc.replacement ? `→ ${lc.replacement}` : "",
    ].filter(Boolean);
    return parts.length ? parts.join(", ") : "no retirement scheduled";
}

function regionsText(regions: readonly string[]): string {
    if (regions.length === SERVERLESS_REGIONS.length) return "all 7";
    const missing = SERVERLESS_REGIONS.filter((r) => !regions.includes(r));
    return missing.length <= 2 ? `all but ${missing.join(", ")}` : regions.join(", ");
}

export function catalogMarkdownTable(): string {
    const rows = MODELS.map((m) => {
        const types = [m.serverless ? "serverless" : "", m.managed ? "managed" : ""].filter(Boolean).join(", ");
        const managed = m.managed ? (m.managed.version ? `v${m.managed.version}` : "version required") : "";
        return `| ${m.name} | ${m.publisher} | ${m.registry} | ${types} | ${m.serverless ? regionsText(m.serverless.regions) : ""} | ${lifecycleText(m.serverless?.lifecycle)} | ${managed} |`;
    });
    return [
        "| model | publisher | registry | deploy as | serverless regions | serverless lifecycle | managed version |",
        "|---|---|---|---|---|---|---|",
        ...rows,
    ].join("\n");
}

if (require.main === module) process.stdout.write(`${catalogMarkdownTable()}\n`);
