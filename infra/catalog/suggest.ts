/** Edit distance (Levenshtein) between two strings, case-insensitive. */
export function editDistance(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) {
        const cur = [i];
        for (let j = 1; j <= t.length; j++) {
            cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
        }
        prev = cur;
    }
    return prev[t.length];
}

/**
 * The candidates closest to `input`, best first: those within a distance that grows with the word's length,
 * plus any candidate that contains the input or is contained by it.
 */
export function closest(input: string, candidates: readonly string[], max = 3): string[] {
    const needle = input.toLowerCase();
    const scored = candidates
        .map((c) => {
            const hay = c.toLowerCase();
            const contains = needle.length >= 3 && (hay.includes(needle) || needle.includes(hay));
            const d = editDistance(input, c);
            return { c, d, ok: contains || d <= Math.max(2, Math.floor(Math.max(c.length, input.length) / 3)) };
        })
        .filter((x) => x.ok)
        .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
    return [...new Set(scored.map((s) => s.c))].slice(0, max);
}

/** Edit distance that counts swapping two neighbouring letters as one edit (optimal string alignment), case-insensitive. */
export function typoDistance(a: string, b: string): number {
    const s = a.toLowerCase();
    const t = b.toLowerCase();
    const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i]);
    for (let j = 1; j <= t.length; j++) d[0][j] = j;
    for (let i = 1; i <= s.length; i++) {
        for (let j = 1; j <= t.length; j++) {
            const cost = s[i - 1] === t[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1])
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[s.length][t.length];
}
