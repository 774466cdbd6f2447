/** The whole check: every target of a stack's outputs, one request each, and the table of what came back. */
import { smokeTarget, type SmokeOptions, type SmokeResult } from "./check";
import { readTargets, type SkippedTarget } from "./targets";

export interface SmokeReport {
    results: SmokeResult[];
    skipped: SkippedTarget[];
    /** True when every target answered (a stack with nothing to call passes). */
    passed: boolean;
}

/** Calls every target of the outputs, a few at a time, and reports each in the outputs' order. */
export async function smoke(
    outputs: unknown,
    options: SmokeOptions & { concurrency?: number } = {},
): Promise<SmokeReport> {
    const { targets, skipped } = readTargets(outputs);
    const results: SmokeResult[] = new Array(targets.length);
    let next = 0;
    const worker = async () => {
        while (next < targets.length) {
            const i = next++;
            results[i] = await smokeTarget(targets[i], options);
        }
    };
    await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, targets.length) }, worker));
    return { results, skipped, passed: results.every((r) => r.ok) };
}

/** The report as a text table (endpoint, model, HTTP status, latency, tokens), then the messages of failures. */
export function renderReport(report: SmokeReport, stack: string): string {
    const header = ["endpoint", "model", "status", "latency", "tokens", "result"];
    const rows = report.results.map((r) => [
        r.endpoint,
        r.model,
        r.status === undefined ? "-" : String(r.status),
        `${r.latencyMs} ms`,
        r.tokens === undefined ? "-" : String(r.tokens),
        r.ok ? "ok" : "FAILED",
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cells: string[]) =>
        cells
            .map((c, i) => c.padEnd(widths[i]))
            .join("  ")
            .trimEnd();
    const failed = report.results.filter((r) => !r.ok);
    const out = [
        `Smoke check: stack ${stack}, ${report.results.length} deployment(s) called, ${failed.length} failed`,
        "",
        line(header),
        ...rows.map(line),
    ];
    if (failed.length > 0) out.push("", "Failures:", ...failed.map((r) => `  ${r.endpoint}: ${r.message}`));
    if (report.skipped.length > 0)
        out.push("", "Not called:", ...report.skipped.map((s) => `  ${s.endpoint} (${s.model}): ${s.reason}`));
    return out.join("\n");
}
