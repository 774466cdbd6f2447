/**
 * The catalog as a Markdown table for `docs/catalog.md` (a test keeps that copy equal to this). It says, per model,
 * until which day a new serverless deployment is possible, so a reader can tell what is deployable on which day, and
 * how the model is offered on a Foundry resource; models offered only there close the table.
 */
import type { FoundryOffer } from "./foundry";
import { MODELS } from "./models";
import { SERVERLESS_REGIONS } from "./regions";
import { FOUNDRY_CONFIG_KEY } from "./replacement";
import type { Lifecycle, Replacement } from "./types";

/** A replacement as the catalog tables show it: `→ model`, `→ models (Foundry resource: ...)`, `→ none on Azure`. */
export function replacementText(r: Replacement): string {
    if (r.on === "none") return "→ none on Azure";
    if (r.on === "foundry") return `→ ${r.models.join(" or ")} (Foundry resource: \`${FOUNDRY_CONFIG_KEY}\`)`;
    return `→ ${r.model}`;
}

function lifecycleText(lc: Lifecycle | undefined): string {
    if (!lc) return "not in the retirement schedule";
    const parts = [
        lc.legacy ? `legacy ${lc.legacy}` : "",
        lc.deprecated ? `deprecated ${lc.deprecated}` : "",
        lc.retired ? `retired ${lc.retired}` : "",
        lc.replacement ? replacementText(lc.replacement) : "",
    ].filter(Boolean);
    return parts.length ? parts.join(", ") : "no retirement scheduled";
}

/**
 * When a new serverless deployment is possible: up to the day before deprecation (no new deployments from then),
 * or before retirement when no deprecation date is recorded.
 */
export function deployableText(lc: Lifecycle | undefined): string {
    const end = lc?.deprecated ?? lc?.retired;
    if (end) return `before ${end}`;
    return lc ? "yes, no end date scheduled" : "yes, no lifecycle published";
}

function regionsText(regions: readonly string[]): string {
    if (regions.length === SERVERLESS_REGIONS.length) return "all 7";
    const missing = SERVERLESS_REGIONS.filter((r) => !regions.includes(r));
    return missing.length <= 2 ? `all but ${missing.join(", ")}` : regions.join(", ");
}

/** A Foundry offer in one cell: its SKUs, who sells it, and its retirement. */
function foundryText(o: FoundryOffer | undefined): string {
    if (!o) return "";
    const sold = o.soldBy === "Azure" ? "sold by Azure" : "Marketplace";
    const retired = o.lifecycle?.retired ? `, retired ${o.lifecycle.retired}` : "";
    return `${o.skus.map((k) => k.sku).join(", ")} (${sold}${retired})`;
}

export function catalogMarkdownTable(): string {
    const hub = MODELS.filter((m) => m.serverless || m.managed);
    const rows = hub.map((m) => {
        const types = [m.serverless ? "serverless" : "", m.managed ? "managed" : ""].filter(Boolean).join(", ");
        const managed = m.managed ? (m.managed.version ? `v${m.managed.version}` : "version required") : "";
        const s = m.serverless;
        const cells = [
            m.name,
            m.publisher,
            m.registry,
            types,
            s ? regionsText(s.regions) : "",
            s ? deployableText(s.lifecycle) : "",
            s ? lifecycleText(s.lifecycle) : "",
            managed,
            foundryText(m.foundry),
        ];
        return `| ${cells.join(" | ")} |`;
    });
    const foundryOnly = MODELS.filter((m) => !m.serverless && !m.managed && m.foundry).map(
        (m) =>
            `| ${m.name} | ${m.foundry!.format} | ${m.registry} | Foundry only |  |  |  |  | ${foundryText(m.foundry)} |`,
    );
    return [
        "| model | publisher | registry | deploy as | serverless regions | new serverless deployments | serverless lifecycle | managed version | on a Foundry resource |",
        "|---|---|---|---|---|---|---|---|---|",
        ...rows,
        ...foundryOnly,
    ].join("\n");
}

if (require.main === module) process.stdout.write(`${catalogMarkdownTable()}\n`);
