/** The preflight's findings as text (the terminal), as a Markdown section (the pull request) and as JSON. */
import { cell, code } from "../plan/report/markdown";
import type { Finding, PreflightResult, Severity } from "./run";

const LABEL: Record<Severity, string> = { blocking: "BLOCKING", unjudged: "NOT JUDGED", warning: "warning", ok: "ok" };
const ICON: Record<Severity, string> = { blocking: "❌", unjudged: "❔", warning: "⚠️", ok: "✅" };

function counts(findings: Finding[]): string {
    const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
    return `${n("blocking")} blocking, ${n("unjudged")} not judged, ${n("warning")} warnings, ${n("ok")} ok`;
}

/** The verdict's icon: a pass only when every check was judged and none blocks. */
function verdictIcon(findings: Finding[]): string {
    if (findings.some((f) => f.severity === "blocking")) return ICON.blocking;
    if (findings.some((f) => f.severity === "unjudged")) return ICON.unjudged;
    return ICON.ok;
}

/** The verdict line: what `pulumi up` would meet. */
export function preflightVerdict(result: PreflightResult): string {
    if (!result.ran) return `Preflight not run: ${result.reason}`;
    const blocking = result.findings.some((f) => f.severity === "blocking");
    const unjudged = result.findings.some((f) => f.severity === "unjudged");
    const verdict = blocking
        ? "pulumi up would fail"
        : unjudged
          ? "nothing blocking found, but not everything could be judged"
          : "nothing found that would stop pulumi up";
    return `Preflight: ${verdict} (${counts(result.findings)}; ${result.calls} ARM calls)`;
}

export function renderPreflightText(result: PreflightResult): string {
    const out = [preflightVerdict(result)];
    if (!result.ran) return out.join("\n");
    out.push(`subscription ${result.subscriptionId} at ${result.endpoint}, as ${result.credential}`, "");
    for (const f of result.findings) {
        out.push(`${LABEL[f.severity].padEnd(10)}  ${f.check.padEnd(15)}  ${f.resource}: ${f.message}`);
        if (f.fix) out.push(`${" ".repeat(29)}fix: ${f.fix}`);
    }
    return out.join("\n");
}

/** The "Preflight" section of the Markdown report, heading included (`h` is the heading's `#`s). */
export function preflightMarkdown(result: PreflightResult, h = "###"): string[] {
    const out = [`${h} Preflight`, ""];
    if (!result.ran) {
        out.push(`**Not run:** ${result.reason}`);
        return out;
    }
    out.push(
        `**${verdictIcon(result.findings)} ${preflightVerdict(result).replace(/^Preflight: /, "")}.**`,
        "",
        `Read-only calls to Azure Resource Manager for subscription ${code(result.subscriptionId)} (quota, model availability and deprecation, soft-deleted names, subdomains, VM quota, the deployer's permissions).`,
    );
    const shown = result.findings.filter((f) => f.severity !== "ok");
    if (shown.length > 0) {
        out.push("", "| | check | resource | finding | fix |", "|---|---|---|---|---|");
        for (const f of shown)
            out.push(
                `| ${ICON[f.severity]} | ${f.check} | ${code(f.resource)} | ${cell(f.message)} | ${cell(f.fix ?? "")} |`,
            );
    }
    const ok = result.findings.filter((f) => f.severity === "ok");
    if (ok.length > 0) {
        out.push("", `**Passed: ${ok.length}**`, "");
        for (const f of ok) out.push(`- ${f.check}: ${code(f.resource)}: ${f.message}`);
    }
    return out;
}

export function preflightToJson(result: PreflightResult): unknown {
    return result;
}
