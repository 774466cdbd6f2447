/** Command-line errors the repository's commands share (the plan, the smoke check, the bench): an unknown option gets the nearest known one suggested. Not part of the library's API. */

/** Edit distance between two strings (insertions, deletions, substitutions, adjacent swaps). */
function distance(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    return d[a.length][b.length];
}

/** The known option nearest to `given` (without dashes), when it is close enough to be a typo. */
export function nearestOption(given: string, known: readonly string[]): string | undefined {
    const name = given.replace(/^-+/, "").split("=")[0];
    let best: { option: string; d: number } | undefined;
    for (const option of known) {
        const d = option.startsWith(name) && name.length >= 3 ? 0 : distance(name, option);
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
