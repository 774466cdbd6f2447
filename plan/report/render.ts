/**
 * Renders a plan for a terminal (a resource tree with key inputs and dependencies) or as JSON. Secrets never
 * appear: secret inputs and outputs are masked, and outputs' clear values are left out of the JSON.
 */
import { resourceTypeOf } from "../../infra/catalog";
import { inputAt, shortType } from "../run/azureTypes";
import { isEndpointTraffic } from "../diff/replacements";
import { isMandatory, SECRET, type Plan, type PlannedResource, type PlanViolation } from "../run/types";
import { countOf, problemPhrases } from "../run/problems";
import { tableSections, type TableSection } from "./sections";

/** The inputs worth showing in the tree: the registry's key inputs, and the traffic split's (a dynamic resource). */
function keyInputs(r: PlannedResource): readonly string[] {
    if (isEndpointTraffic(r.type, r.inputs)) return ["endpointName", "traffic", "mirrorTraffic"];
    return resourceTypeOf(r.type)?.keyInputs ?? [];
}

function fmt(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** Inputs with secret values masked, for anything that prints or saves a plan. */
export function maskedInputs(r: PlannedResource): Record<string, unknown> {
    const out = { ...r.inputs };
    for (const k of r.secretInputs) out[k] = SECRET;
    return out;
}

/** What the resource trees walk: resources by parent URN (the roots under `""`) and violations by resource URN. */
export function treeIndex(plan: Plan): {
    children: Map<string, PlannedResource[]>;
    violationsAt: Map<string, PlanViolation[]>;
} {
    const children = new Map<string, PlannedResource[]>();
    for (const r of plan.resources) {
        const key = r.parent ?? "";
        children.set(key, [...(children.get(key) ?? []), r]);
    }
    const violationsAt = new Map<string, PlanViolation[]>();
    for (const v of plan.policies?.violations ?? []) {
        if (v.urn) violationsAt.set(v.urn, [...(violationsAt.get(v.urn) ?? []), v]);
    }
    return { children, violationsAt };
}

/** The plan as data: what `--json` prints. */
export function planToJson(plan: Plan): unknown {
    return {
        ...plan,
        resources: plan.resources.map((r) => ({ ...r, inputs: maskedInputs(r) })),
        outputs: plan.outputs.map(({ rawValue: _raw, ...o }) => o),
    };
}

/** The resource tree, key inputs and dependencies, warnings and outputs, for a terminal. */
export function renderText(plan: Plan): string {
    const lines: string[] = [];
    lines.push(
        `Plan: stack ${plan.stack} of ${plan.project} (offline, preview semantics; lifecycle checked on ${plan.today})`,
    );
    if (plan.errors.length > 0) {
        lines.push("", `${problemPhrases(plan).title}: ${countOf(plan)}. Nothing would be deployed.`);
        for (const e of plan.errors) lines.push(`  - ${e}`);
        appendWarnings(lines, plan);
        return lines.join("\n");
    }

    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const { children, violationsAt } = treeIndex(plan);
    const custom = plan.resources.filter((r) => r.custom).length;
    const components = plan.resources.filter((r) => !r.custom && r.type !== "pulumi:pulumi:Stack").length;
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    lines.push(
        "",
        `Resources: ${plan.resources.length} to create (${plural(custom, "cloud resource")}, ${plural(components, "component")} and the stack)`,
    );
    lines.push(`  [unknown] = known once Azure creates it; [secret] = secret value, never shown`);

    const walk = (r: PlannedResource, depth: number) => {
        const pad = "  ".repeat(depth + 1);
        const opts = [
            r.options.deleteBeforeReplace ? "deleteBeforeReplace" : "",
            r.options.protect ? "protect" : "",
            r.options.replaceOnChanges?.length ? `replaceOnChanges: ${r.options.replaceOnChanges.join(", ")}` : "",
        ].filter(Boolean);
        lines.push(`${pad}+ ${shortType(r.type)}  ${r.name}${opts.length ? `  [${opts.join("; ")}]` : ""}`);
        const inputs = maskedInputs(r);
        for (const key of keyInputs(r)) {
            const v = inputAt(inputs, key);
            if (v !== undefined) lines.push(`${pad}    ${key}: ${fmt(v)}`);
        }
        const deps = r.dependencies
            .filter((d) => d !== r.parent)
            .map((d) => byUrn.get(d))
            .filter(
                (d): d is PlannedResource => d !== undefined && d.type !== "random:index/randomString:RandomString",
            );
        if (deps.length)
            lines.push(
                `${pad}    depends on: ${deps.map((d) => `${d.name} (${shortType(d.type).split(":").pop()})`).join(", ")}`,
            );
        for (const v of violationsAt.get(r.urn) ?? []) lines.push(`${pad}    ${violationLine(v, false)}`);
        for (const c of children.get(r.urn) ?? []) walk(c, depth + 1);
    };
    for (const root of children.get("") ?? []) walk(root, 0);

    appendWarnings(lines, plan);
    for (const section of tableSections(plan)) appendTable(lines, section);
    appendPolicies(lines, plan);
    if (plan.outputs.length) {
        lines.push("", "Outputs:");
        for (const o of plan.outputs) {
            const text = JSON.stringify(o.value, null, 2).split("\n").join("\n    ");
            lines.push(`  ${o.name}${o.secret ? " (contains secrets)" : ""}: ${text}`);
        }
    }
    return lines.join("\n");
}

/** A plain-text table with aligned columns. */
function textTable(head: string[], rows: string[][]): string[] {
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) =>
        cells
            .map((c, i) => c.padEnd(widths[i]))
            .join("  ")
            .trimEnd();
    return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)];
}

function appendTable(lines: string[], section: TableSection): void {
    lines.push("", section.textTitle);
    const head = section.columns.map((c) => c.text);
    for (const l of textTable(head, section.rows)) lines.push(`  ${l}`);
    for (const s of section.skipped) lines.push(`  not counted: ${s.deployment}: ${s.reason}`);
}

/** `[mandatory] policy: message (resource)`; without the resource where the line sits under it in a tree. */
export function violationText(v: PlanViolation, withResource = true): string {
    const resource = withResource && v.resourceName ? ` (${v.resourceName})` : "";
    return `[${v.enforcementLevel}] ${v.policyName}: ${v.message}${resource}`;
}

function violationLine(v: PlanViolation, withResource: boolean): string {
    return `${isMandatory(v) ? "✗" : "!"} ${violationText(v, withResource)}`;
}

function appendPolicies(lines: string[], plan: Plan): void {
    const p = plan.policies;
    if (!p) return;
    const mandatory = p.violations.filter(isMandatory);
    const advisory = p.violations.filter((v) => v.enforcementLevel === "advisory");
    lines.push(
        "",
        `Policies: ${p.passed ? "passed" : "FAILED"} (${mandatory.length} mandatory, ${advisory.length} advisory violation${advisory.length === 1 ? "" : "s"})`,
    );
    for (const v of [...mandatory, ...advisory]) {
        lines.push(`  ${violationLine(v, true)}`);
    }
    const notJudged = p.notJudged ?? [];
    if (notJudged.length) {
        lines.push(
            "",
            `Not judged offline (${notJudged.length}): unknown until Azure creates what they come from; \`pulumi preview --policy-pack\` judges them`,
        );
        for (const n of notJudged) lines.push(`  ? ${n.resourceName} (${n.resourceType}): ${n.path}`);
    }
}

function appendWarnings(lines: string[], plan: Plan): void {
    if (plan.warnings.length === 0) return;
    lines.push("", `Warnings (${plan.warnings.length}):`);
    for (const w of plan.warnings) lines.push(`  - ${w.path ? `${w.path}: ` : ""}${w.message}`);
}
