/**
 * Renders a plan as a review-ready Markdown report (`npm run plan -- --format markdown`): a summary line, policy
 * violations by level, lifecycle warnings, the managed-compute quota, the Foundry capacity table, the resource tree
 * and the stack outputs.
 * It reads well as a pull request comment and as plain text in a terminal: headings, short lists, pipe tables and
 * fenced blocks, no HTML. Secrets never appear: secret inputs and outputs are masked as in `--json`.
 */
import { azureNameOf, inputAt, shortType } from "../run/azureTypes";
import { maskedInputs, treeIndex } from "./render";
import { isMandatory, UNKNOWN, type Plan, type PlannedResource, type PlanViolation } from "../run/types";
import { countOf, problemPhrases } from "../run/problems";
import { tableSections, type TableSection } from "./sections";

export interface MarkdownOptions {
    /** Level of the report's title (`##`); sections are one level below. @default 2 */
    headingLevel?: number;
    /**
     * More sections, after the tables and before the resource tree (the preflight's, `preflight/report.ts`): given
     * the sections' heading marker (`###`), their lines, headings included. @default - none
     */
    sections?: (heading: string) => string[];
}

/** Inputs shown after a resource's Azure name in the tree, when set. */
const TREE_FACTS = [
    "kind",
    "location",
    "sku.name",
    "properties.modelSettings.modelId",
    "properties.modelId",
    "properties.model",
    "properties.instanceType",
    "sku.capacity",
    "traffic",
];

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Escapes text for a Markdown table cell. */
export function cell(text: string): string {
    return text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A value as inline code, with backticks in it kept readable. */
export function code(text: string): string {
    return text.includes("`") ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** `passed (0 mandatory, 1 advisory)`: the policy verdict as the summaries of a plan and of a diff say it. */
export function verdictText(passed: boolean, mandatory: number, advisory: number): string {
    return `${passed ? "passed" : "FAILED"} (${mandatory} mandatory, ${advisory} advisory)`;
}

/** The policy verdict as the summary shows it: `✅ passed (0 mandatory, 1 advisory)`. */
function policyVerdict(plan: Pick<Plan, "policies">): string {
    const p = plan.policies;
    if (!p) return "not run";
    const mandatory = p.violations.filter(isMandatory).length;
    const advisory = p.violations.filter((v) => v.enforcementLevel === "advisory").length;
    const unjudged = p.notJudged?.length ?? 0;
    const tail = unjudged ? `, ${unjudged} not judged offline` : "";
    return `${p.passed ? (unjudged ? "⚠️" : "✅") : "❌"} ${verdictText(p.passed, mandatory, advisory)}${tail}`;
}

/** The one-line summary: resources, policy verdict, warnings. */
function summaryLine(plan: Plan): string {
    if (plan.errors.length > 0) {
        return `**❌ ${problemPhrases(plan).title}: ${countOf(plan)}.** Nothing would be deployed · ${plural(plan.warnings.length, "warning")}`;
    }
    const custom = plan.resources.filter((r) => r.custom).length;
    return (
        `**${plural(plan.resources.length, "resource")} to create** (${custom} cloud, ${plan.resources.length - custom} components)` +
        ` · policies **${policyVerdict(plan)}** · ${plural(plan.warnings.length, "warning")}`
    );
}

/** The plan as a Markdown report. */
export function renderMarkdown(plan: Plan, options: MarkdownOptions = {}): string {
    const level = options.headingLevel ?? 2;
    const h = (n: number) => "#".repeat(Math.min(6, level + n));
    const out: string[] = [];
    out.push(`${h(0)} Offline plan: stack ${code(plan.stack)} of ${code(plan.project)}`, "");
    out.push(summaryLine(plan), "");
    out.push(
        `Computed from the code alone (the stack program under Pulumi's mock runtime, preview semantics); model lifecycles checked on ${plan.today}. ` +
            "`[unknown]`: known once Azure creates it; `[secret]`: a secret, never shown.",
    );

    if (plan.errors.length > 0) {
        out.push("", `${h(1)} ${problemPhrases(plan).title}`, "");
        for (const e of plan.errors) out.push(`- ${e}`);
        appendWarnings(out, plan, h(1));
        return out.join("\n");
    }

    appendPolicies(out, plan, h(1));
    appendWarnings(out, plan, h(1));
    for (const section of tableSections(plan)) appendTable(out, section, h(1));
    if (options.sections) out.push("", ...options.sections(h(1)));

    out.push("", `${h(1)} Resources (${plan.resources.length})`, "", "```text", ...resourceTree(plan), "```");

    if (plan.outputs.length > 0) {
        out.push("", `${h(1)} Stack outputs`, "");
        for (const o of plan.outputs) {
            out.push(
                `${code(o.name)}${o.secret ? ` (secret values masked: ${o.secretPaths.map(code).join(", ")})` : ""}:`,
                "",
            );
            out.push("```json", JSON.stringify(o.value, null, 2), "```", "");
        }
        out.pop();
    }
    return out.join("\n");
}

function appendPolicies(out: string[], plan: Plan, h: string): void {
    const p = plan.policies;
    if (!p) return;
    out.push("", `${h} Policy violations`, "");
    const notJudged = p.notJudged ?? [];
    if (notJudged.length) {
        out.push(
            `**Not judged offline: ${notJudged.length}** (unknown during the preview; not a pass)`,
            "",
            "| resource | input |",
            "|---|---|",
            ...notJudged.map((n) => `| ${code(n.resourceName)} | ${code(n.path)} |`),
            "",
        );
    }
    if (p.violations.length === 0) {
        out.push(notJudged.length ? "No violation among what was judged." : "None: every policy of the pack passed.");
        return;
    }
    const groups: [string, PlanViolation[]][] = [
        ["Mandatory (block the deployment)", p.violations.filter(isMandatory)],
        ["Advisory", p.violations.filter((v) => v.enforcementLevel === "advisory")],
    ];
    for (const [title, list] of groups) {
        if (list.length === 0) continue;
        out.push(`**${title}: ${list.length}**`, "", "| policy | resource | message |", "|---|---|---|");
        for (const v of list)
            out.push(
                `| ${code(v.policyName)} | ${v.resourceName ? code(v.resourceName) : "stack"} | ${cell(v.message)} |`,
            );
        out.push("");
    }
    out.pop();
}

function appendWarnings(out: string[], plan: Plan, h: string): void {
    out.push("", `${h} Lifecycle and config warnings`, "");
    if (plan.warnings.length === 0) {
        out.push("None.");
        return;
    }
    for (const w of plan.warnings) out.push(`- ${w.path ? `${code(w.path)}: ` : ""}${w.message}`);
}

function appendTable(out: string[], section: TableSection, h: string): void {
    out.push("", `${h} ${section.heading}`, "");
    if (section.rows.length > 0) {
        out.push(
            section.intro,
            "",
            `| ${section.columns.map((c) => c.markdown ?? c.text).join(" | ")} |`,
            `|${section.columns.map((c) => (c.numeric ? "--:" : "---")).join("|")}|`,
        );
        for (const row of section.rows) out.push(`| ${row.map(cell).join(" | ")} |`);
    }
    if (section.skipped.length > 0) {
        if (section.rows.length > 0) out.push("");
        for (const s of section.skipped) out.push(`- not counted: ${code(s.deployment)}: ${s.reason}`);
    }
}

/** The resource tree: `├─ name  type  azure-name · facts`, with options and violations under each resource. */
function resourceTree(plan: Plan): string[] {
    const { children, violationsAt } = treeIndex(plan);

    const lines: string[] = [];
    const walk = (r: PlannedResource, prefix: string, last: boolean, root: boolean) => {
        const branch = root ? "" : last ? "└─ " : "├─ ";
        const inputs = maskedInputs(r);
        const facts: string[] = [];
        const azureName = azureNameOf({ type: r.type, inputs });
        if (azureName !== undefined) facts.push(azureName);
        for (const key of TREE_FACTS) {
            const v = inputAt(inputs, key);
            if (v === undefined || v === UNKNOWN || (key === "sku.capacity" && typeof v !== "number")) continue;
            facts.push(typeof v === "string" ? v : JSON.stringify(v));
        }
        const opts = [
            r.options.protect ? "protect" : "",
            r.options.deleteBeforeReplace ? "deleteBeforeReplace" : "",
            r.options.replaceOnChanges?.length ? `replaceOnChanges: ${r.options.replaceOnChanges.join(", ")}` : "",
        ].filter(Boolean);
        lines.push(
            `${prefix}${branch}${r.name}  ${shortType(r.type)}${facts.length ? `  ${facts.join(" · ")}` : ""}${opts.length ? `  [${opts.join("; ")}]` : ""}`,
        );
        const inner = root ? "" : `${prefix}${last ? "   " : "│  "}`;
        const kids = children.get(r.urn) ?? [];
        for (const v of violationsAt.get(r.urn) ?? []) {
            lines.push(
                `${inner}${kids.length ? "│  " : "   "}${isMandatory(v) ? "✗ mandatory" : "! advisory"} ${v.policyName}`,
            );
        }
        kids.forEach((c, i) => walk(c, inner, i === kids.length - 1, false));
    };
    const roots = children.get("") ?? [];
    roots.forEach((r, i) => walk(r, "", i === roots.length - 1, true));
    return lines;
}
