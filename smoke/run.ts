/** The whole check: every target of a stack's outputs, one request each, and the table of what came back. */
import { smokeTarget, type SmokeOptions, type SmokeResult } from "./check";
import { readTargets, type SkippedTarget, type SmokeTarget } from "./targets";

/** Waiting for a new role assignment to apply: `--wait-for-access SECONDS`. */
export interface AccessWaitOptions {
    /**
     * Retry a target that answers 401 or 403 until this many seconds have passed since its first call, with a
     * growing wait between calls; then report its last answer as usual. @default 0 (one call, no retry)
     */
    waitForAccessSeconds?: number;
    /** First wait between calls, in milliseconds; it doubles after each call, up to 30 s. @default 2000 */
    firstBackoffMs?: number;
    /** How to wait (tests pass a fast one). @default - setTimeout */
    sleep?: (ms: number) => Promise<void>;
    /** The clock, in milliseconds (tests pass a fake). @default - performance.now */
    now?: () => number;
}

/**
 * Calls a target; while it answers 401 or 403 and the wait allows, calls it again after a backoff. A new role
 * assignment can take minutes to apply, so the first call after `pulumi up` may be refused although the role is
 * right. The result is the last call's, its message noting how long access was waited for.
 */
export async function smokeTargetWaitingForAccess(
    target: SmokeTarget,
    options: SmokeOptions & AccessWaitOptions = {},
): Promise<SmokeResult> {
    const waitMs = (options.waitForAccessSeconds ?? 0) * 1000;
    const now = options.now ?? (() => performance.now());
    const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    const started = now();
    let backoff = options.firstBackoffMs ?? 2000;
    for (let attempt = 1; ; attempt++) {
        const result = await smokeTarget(target, options);
        const refused = result.status === 401 || result.status === 403;
        const waited = now() - started;
        if (!refused || waited + backoff > waitMs) {
            if (!refused || attempt === 1) return result;
            const seconds = Math.round(waited / 1000);
            return {
                ...result,
                message: `${result.message} (still ${result.status} after ${attempt} calls over ${seconds} s of --wait-for-access)`,
            };
        }
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 30_000);
    }
}

export interface SmokeReport {
    results: SmokeResult[];
    skipped: SkippedTarget[];
    /** True when every target answered (a stack with nothing to call passes). */
    passed: boolean;
}

/** Calls every target of the outputs, a few at a time, and reports each in the outputs' order. */
export async function smoke(
    outputs: unknown,
    options: SmokeOptions & AccessWaitOptions & { concurrency?: number } = {},
): Promise<SmokeReport> {
    const { targets, skipped } = readTargets(outputs);
    const results: SmokeResult[] = new Array(targets.length);
    let next = 0;
    const worker = async () => {
        while (next < targets.length) {
            const i = next++;
            results[i] = await smokeTargetWaitingForAccess(targets[i], options);
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
