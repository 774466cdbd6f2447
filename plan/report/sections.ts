/**
 * The plan's table sections (the managed-compute quota, the Foundry capacity) as data, once: the text report
 * (render.ts) and the Markdown report (markdown.ts) each lay the same section out in their own form.
 */
import type { Plan } from "../run/types";

export interface TableColumn {
    /** The header in the text report. */
    text: string;
    /** The header in Markdown, where it differs. */
    markdown?: string;
    /** A number: right-aligned in Markdown. */
    numeric?: boolean;
}

export interface TableSection {
    /** The text report's heading line. */
    textTitle: string;
    /** The Markdown heading, and the sentence under it. */
    heading: string;
    intro: string;
    columns: TableColumn[];
    /** Cell text, one array per row, in column order. */
    rows: string[][];
    /** Deployments the table leaves out, and why. */
    skipped: { deployment: string; reason: string }[];
}

/** Cores to request per region and VM family for the managed deployments; undefined when there are none. */
function quotaSection(plan: Plan): TableSection | undefined {
    const quota = plan.quota ?? [];
    const skipped = plan.quotaSkipped ?? [];
    if (quota.length === 0 && skipped.length === 0) return undefined;
    return {
        textTitle:
            "Quota to request for managed compute (cores per region and VM family; 20% reserve where the size needs it):",
        heading: "Managed-compute quota to request",
        intro: "Cores per region and VM family (a 20% reserve is added where the VM size is not exempt).",
        columns: [
            { text: "region" },
            { text: "VM family" },
            { text: "instances", numeric: true },
            { text: "cores", numeric: true },
            { text: "reserve", markdown: "20% reserve" },
            { text: "deployments" },
        ],
        rows: quota.map((q) => [
            q.region,
            q.family,
            String(q.instances),
            String(q.cores),
            q.reserveApplied ? "yes" : "no",
            q.deployments.join(", "),
        ]),
        skipped,
    };
}

/** Foundry capacity per region, model and SKU against the default quota; undefined without Foundry deployments. */
function foundryQuotaSection(plan: Plan): TableSection | undefined {
    const quota = plan.foundryQuota ?? [];
    const skipped = plan.foundryQuotaSkipped ?? [];
    if (quota.length === 0 && skipped.length === 0) return undefined;
    return {
        textTitle:
            "Foundry capacity per region, model and SKU (capacity units of 1,000 tokens per minute) against the default quota:",
        heading: "Foundry capacity and quota",
        intro: "Capacity units (1,000 tokens per minute each) per region, model and SKU, against the default quota.",
        columns: [
            { text: "region" },
            { text: "model" },
            { text: "SKU" },
            { text: "capacity", numeric: true },
            { text: "default quota", numeric: true },
            { text: "quota" },
            { text: "deployments" },
        ],
        rows: quota.map((q) => [
            q.region,
            q.model,
            q.sku,
            String(q.capacity),
            String(q.defaultQuota),
            q.overDefault ? "request an increase" : "within default",
            q.deployments.join(", "),
        ]),
        skipped,
    };
}

/** The writes to each Foundry account, one at a time; undefined without a Foundry account. */
function accountChainSection(plan: Plan): TableSection | undefined {
    const chains = plan.accountChains ?? [];
    if (chains.length === 0) return undefined;
    const lengths = chains.map((c) => `${c.account}: ${c.writes.length} after the account`).join("; ");
    return {
        textTitle: `Writes to each Foundry account, one after another (chain length, the account's critical path in pulumi up: ${lengths}):`,
        heading: "Writes per Foundry account",
        intro: `Azure answers concurrent writes to one account with 409, so \`pulumi up\` makes them one after another, in this order. Chain length (the account's critical path): ${lengths}.`,
        columns: [{ text: "account" }, { text: "#", numeric: true }, { text: "write" }, { text: "type" }],
        rows: chains.flatMap((c) =>
            c.writes.map((w, i) => [c.account, String(i + 1), w.name, w.type.replace(/^azure-native:/, "")]),
        ),
        skipped: [],
    };
}

/** The table sections of a plan, in report order. */
export function tableSections(plan: Plan): TableSection[] {
    return [quotaSection(plan), foundryQuotaSection(plan), accountChainSection(plan)].filter(
        (s): s is TableSection => s !== undefined,
    );
}
