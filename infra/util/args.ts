/** Command-line errors the repository's commands share (the plan, the smoke check, the bench): an unknown option gets the nearest known one suggested. Not part of the library's API. */

import { typoDistance } from "../catalog/suggest";

/** The known option nearest to `given` (without dashes), when it is close enough to be a typo. */
export function nearestOption(given: string, known: readonly string[]): string | undefined {
    const name = given.replace(/^-+/, "").split("=")[0];
    let best: { option: string; d: number } | undefined;
    for (const option of known) {
        const d = option.startsWith(name) && name.length >= 3 ? 0 : typoDistance(name, option);
        if (!best || d < best.d) best = { option, d };
    }
    return best && best.d <= Math.max(1, Math.floor(best.option.length / 3)) ? best.option : undefined;
}

/**
 * The message for a `parseArgs` error: Node's own, shortened for an unknown option and followed by the nearest
 * known option (`unknown option --stak; did you mean --stack?`).
 */
export function argumentError(e: unknown, known: readonly string[]): string {
    const message = e instanceof Error ? e.message : String(e);
    const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message)?.[1];
    if (!unknown) return message;
    const near = nearestOption(unknown, known);
    return `unknown option ${unknown}${near ? `; did you mean --${near}?` : ""}`;
}

/** The long options a usage line names (`--stack NAME` → `stack`). */
export function optionsIn(usage: string): string[] {
    return [...new Set([...usage.matchAll(/--([a-z][\w-]*)/g)].map((m) => m[1]))];
}
