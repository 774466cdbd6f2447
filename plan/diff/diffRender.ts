/**
 * Renders a plan diff for a terminal, as Markdown for a pull request (comment or job summary), or as JSON.
 * Destructive changes come first; then each changed resource with the inputs that change.
 */
import { code, renderMarkdown, verdictText } from "../report/markdown";
import { violationText } from "../report/render";
import { shortType } from "../run/azureTypes";
import {
    formatValue,
    isEmptyDiff,
    type ChangeAction,
    type PlanDiff,
    type PropertyChange,
    type ResourceChange,
} from "./diff";
import type { Plan } from "../run/types";
import { countOf, problemPhrases } from "../run/problems";

/** The destructive-change gate as the command applied it. */
export interface GateStatus {
    /** `--fail-on-destructive` was given. */
    enabled: boolean;
    /** `--allow-destructive` was given. */
    allowed: boolean;
}

/** Label the workflow maps to `--allow-destructive`. */
export const ALLOW_LABEL = "allow-destructive-changes";

/** True when the gate fails the diff: enabled, destructive changes, not acknowledged. */
export function gateBlocks(diff: PlanDiff, gate: GateStatus): boolean {
    return gate.enabled && !gate.allowed && diff.destructive.length > 0;
}

const SYMBOL: Record<ChangeAction, string> = { create: "+", update: "~", replace: "+-", delete: "-" };

function actionLabel(c: Pick<ResourceChange, "action" | "uncertain">): string {
    if (!c.uncertain) return c.action;
    return c.action === "replace" ? "may be replaced" : "may change";
}

function countsLine(diff: PlanDiff, sep: string): string {
    const c = diff.counts;
    return [
        `${c.create} to create`,
        `${c.update} to update`,
        `${c.replace} to replace`,
        `${c.delete} to delete`,
        `${c.mayChange} may change`,
    ].join(sep);
}

function policiesLine(diff: PlanDiff): string {
    const p = diff.policies;
    if (!p) return "not run";
    return verdictText(p.passed, p.mandatory, p.advisory);
}

function nameOf(diff: PlanDiff, urn: string): string {
    return diff.resources.find((r) => r.urn === urn)?.name ?? urn.split("::").pop() ?? urn;
}

function replaceNote(c: ResourceChange): string {
    if (c.action !== "replace") return "";
    if (c.deleteBeforeReplace) return "delete first, then create";
    return c.createFirstSameName
        ? "create first with the same Azure name: needs deleteBeforeReplace (pulumi/pulumi-azure#182)"
        : "create the new one, then delete the old";
}

function parentNote(c: ResourceChange): string {
    return c.parentReplaced ? `its ${c.parentReplaced.what} ${c.parentReplaced.name} is replaced` : "";
}

function changeLine(diff: PlanDiff, p: PropertyChange): string {
    let line = p.via
        ? `${p.path}: may change (${formatValue(p.after)}, from ${nameOf(diff, p.via)}, which is replaced)`
        : `${p.path}: ${formatValue(p.before)} → ${formatValue(p.after)}`;
    if (p.replaces) line += ` [${p.uncertain ? "may force" : "forces"} replacement: ${p.replaces}]`;
    return line;
}

function gateSentence(diff: PlanDiff, gate: GateStatus): string | undefined {
    if (diff.destructive.length === 0 || !gate.enabled) return undefined;
    return gate.allowed
        ? "Acknowledged: --allow-destructive was given."
        : `Not acknowledged: --fail-on-destructive fails this diff. To go ahead, pass --allow-destructive (the pull request workflow does when the pull request has the label ${ALLOW_LABEL}).`;
}

/** The diff for a terminal. */
export function renderDiffText(diff: PlanDiff, gate: GateStatus = { enabled: false, allowed: false }): string {
    const lines: string[] = [];
    lines.push(
        `Plan diff: stack ${diff.stack} of ${diff.project}, ${diff.base.label} → ${diff.head.label} (offline, from the code alone; lifecycle checked on ${diff.head.today})`,
    );
    if (diff.head.errors.length > 0) {
        lines.push(
            "",
            `This change's ${problemPhrases(diff.head).clause}: ${countOf(diff.head)}. Nothing would be deployed.`,
        );
        for (const e of diff.head.errors) lines.push(`  - ${e}`);
        return lines.join("\n");
    }
    if (isEmptyDiff(diff)) {
        lines.push(`No changes: ${diff.counts.unchanged} cloud resources unchanged.`);
    } else {
        lines.push(`Changes: ${countsLine(diff, ", ")}; ${diff.counts.unchanged} unchanged`);
    }
    lines.push(`Policies: ${policiesLine(diff)}`);

    if (diff.destructive.length > 0) {
        lines.push("", `Destructive changes (${diff.destructive.length}):`);
        for (const d of diff.destructive) lines.push(`  ${d.uncertain ? "?" : "✗"} ${d.message}`);
        const g = gateSentence(diff, gate);
        if (g) lines.push(`  ${g}`);
    }

    if (diff.resources.length > 0) {
        lines.push("", "Resources:");
        for (const c of diff.resources) {
            const extra = [
                c.azureName && c.azureName !== c.name ? c.azureName : "",
                replaceNote(c),
                parentNote(c),
                c.renamedTo ? `renamed to ${nameOf(diff, c.renamedTo)}` : "",
                c.renamedFrom ? `renamed from ${nameOf(diff, c.renamedFrom)}` : "",
            ].filter(Boolean);
            const symbol = `${c.uncertain ? "?" : ""}${SYMBOL[c.action]}`;
            lines.push(
                `  ${symbol.padEnd(3)} ${actionLabel(c).padEnd(15)} ${shortType(c.type)}  ${c.name}${extra.length ? `  (${extra.join("; ")})` : ""}`,
            );
            for (const p of c.changes) lines.push(`        ${changeLine(diff, p)}`);
        }
    }

    if (diff.outputs.length > 0) {
        lines.push("", "Stack outputs:");
        for (const o of diff.outputs) {
            if (o.before === undefined) lines.push(`  + ${o.path}`);
            else if (o.after === undefined) lines.push(`  - ${o.path}`);
            else lines.push(`  ~ ${o.path}: ${formatValue(o.before)} → ${formatValue(o.after)}`);
        }
    }
    if (diff.policies?.added.length) {
        lines.push("", `New policy violations (${diff.policies.added.length}):`);
        for (const v of diff.policies.added) lines.push(`  ${violationText(v)}`);
    }
    if (diff.policies?.resolved.length) {
        lines.push("", `Resolved policy violations (${diff.policies.resolved.length}):`);
        for (const v of diff.policies.resolved) lines.push(`  ${violationText(v)}`);
    }
    if (diff.addedWarnings.length > 0) {
        lines.push("", `New warnings (${diff.addedWarnings.length}):`);
        for (const w of diff.addedWarnings) lines.push(`  - ${w.path ? `${w.path}: ` : ""}${w.message}`);
    }
    if (diff.notes.length > 0) {
        lines.push("", "Notes:");
        for (const n of diff.notes) lines.push(`  - ${n}`);
    }
    return lines.join("\n");
}

/** Puts the URLs of a sentence in code spans. */
function markUp(sentence: string): string {
    return sentence.replace(/https:\/\/\S+?(?=[,;)]?(\s|$))/g, (u) => code(u));
}

function mdValue(v: unknown): string {
    return v === undefined ? "(none)" : code(formatValue(v));
}

function mdChange(diff: PlanDiff, p: PropertyChange): string {
    let line = p.via
        ? `${code(p.path)}: may change (${mdValue(p.after)}, from ${code(nameOf(diff, p.via))}, which is replaced)`
        : `${code(p.path)}: ${mdValue(p.before)} → ${mdValue(p.after)}`;
    if (p.replaces) line += `; **${p.uncertain ? "may force" : "forces"} replacement**: ${p.replaces}`;
    return line;
}

export interface DiffMarkdownOptions {
    /** Level of the title; sections are one level below. @default 2 */
    headingLevel?: number;
    /** This change's plan: its full report goes in a collapsed section at the end. */
    headPlan?: Plan;
}

/** The diff as Markdown, for a pull request comment or job summary. */
export function renderDiffMarkdown(
    diff: PlanDiff,
    gate: GateStatus = { enabled: false, allowed: false },
    options: DiffMarkdownOptions = {},
): string {
    const level = options.headingLevel ?? 2;
    const h = (n: number) => "#".repeat(Math.min(6, level + n));
    const out: string[] = [];
    out.push(`${h(0)} Plan diff: stack ${code(diff.stack)}`, "");
    out.push(
        `${code(diff.base.label)} → ${code(diff.head.label)} · computed offline from the code alone · model lifecycles checked on ${diff.head.today}`,
        "",
    );
    if (diff.head.errors.length > 0) {
        out.push(
            `**❌ This change's ${problemPhrases(diff.head).clause}: ${countOf(diff.head)}.** Nothing would be deployed.`,
            "",
        );
        for (const e of diff.head.errors) out.push(`- ${e}`);
        appendReport(out, options.headPlan);
        return out.join("\n");
    }
    const verdict = diff.policies ? `${diff.policies.passed ? "✅" : "❌"} ${policiesLine(diff)}` : "not run";
    if (isEmptyDiff(diff)) {
        out.push(`**No changes** · ${diff.counts.unchanged} cloud resources unchanged · policies ${verdict}`);
    } else {
        out.push(`**${countsLine(diff, " · ")}** · ${diff.counts.unchanged} unchanged · policies ${verdict}`);
    }

    if (diff.destructive.length > 0) {
        out.push("", `${h(1)} ⚠️ Destructive changes (${diff.destructive.length})`, "");
        for (const d of diff.destructive) {
            const subject = `${d.what} ${code(d.azureName ?? d.name)}${d.azureName && d.azureName !== d.name ? ` (${code(d.name)})` : ""}`;
            out.push(`- ${d.uncertain ? "❔" : "❗"} ${subject} ${markUp(d.detail)}`);
        }
        const g = gateSentence(diff, gate);
        if (g) {
            out.push("");
            out.push(
                gate.allowed
                    ? "> Acknowledged: the diff ran with `--allow-destructive`."
                    : `> **Not acknowledged.** This check fails until a maintainer adds the label ${code(ALLOW_LABEL)} to the pull request (the diff then runs with \`--allow-destructive\`).`,
            );
        }
    }

    if (diff.resources.length > 0) {
        out.push("", `${h(1)} Changes by resource`, "");
        for (const c of diff.resources) {
            const extra = [
                shortType(c.type),
                c.azureName && c.azureName !== c.name ? code(c.azureName) : "",
                replaceNote(c),
                c.parentReplaced ? `its ${c.parentReplaced.what} ${code(c.parentReplaced.name)} is replaced` : "",
                c.renamedTo ? `renamed to ${code(nameOf(diff, c.renamedTo))}` : "",
                c.renamedFrom ? `renamed from ${code(nameOf(diff, c.renamedFrom))}` : "",
            ].filter(Boolean);
            out.push(`- **${actionLabel(c)}** ${code(c.name)} (${extra.join(", ")})`);
            for (const p of c.changes) out.push(`  - ${mdChange(diff, p)}`);
        }
    }

    if (diff.outputs.length > 0) {
        out.push("", `${h(1)} Stack outputs`, "");
        for (const o of diff.outputs) {
            if (o.before === undefined) out.push(`- added ${code(o.path)}`);
            else if (o.after === undefined) out.push(`- removed ${code(o.path)}`);
            else out.push(`- changed ${code(o.path)}: ${mdValue(o.before)} → ${mdValue(o.after)}`);
        }
    }
    const added = diff.policies?.added ?? [];
    const resolved = diff.policies?.resolved ?? [];
    if (added.length > 0 || resolved.length > 0) {
        out.push("", `${h(1)} Policy violations`, "");
        for (const v of added) out.push(`- new: ${violationText(v)}`);
        for (const v of resolved) out.push(`- resolved: ${violationText(v)}`);
    }
    if (diff.addedWarnings.length > 0) {
        out.push("", `${h(1)} New warnings`, "");
        for (const w of diff.addedWarnings) out.push(`- ${w.path ? `${code(w.path)}: ` : ""}${w.message}`);
    }
    if (diff.notes.length > 0) {
        out.push("", `${h(1)} Notes`, "");
        for (const n of diff.notes) out.push(`- ${n}`);
    }
    appendReport(out, options.headPlan, level);
    return out.join("\n");
}

function appendReport(out: string[], plan: Plan | undefined, level = 2): void {
    if (!plan) return;
    out.push(
        "",
        "<details><summary>Offline plan of this change</summary>",
        "",
        renderMarkdown(plan, { headingLevel: level + 1 }),
        "",
        "</details>",
    );
}

/** The diff as data (`--format json`), with the gate's outcome. */
export function diffToJson(diff: PlanDiff, gate: GateStatus): unknown {
    return { ...diff, gate: { ...gate, destructive: diff.destructive.length, blocked: gateBlocks(diff, gate) } };
}
