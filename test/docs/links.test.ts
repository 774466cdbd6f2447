/**
 * README is the first screen a newcomer reads (at most 250 lines); the references live in docs/. Every relative link
 * in README.md, docs/, policies/README.md and examples/README.md must resolve: to a file of this repository and, with
 * a `#fragment`, to a heading of that file (GitHub's anchor rules).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const DOCS = [
    "README.md",
    "CHANGELOG.md",
    "policies/README.md",
    "examples/README.md",
    ...readdirSync(path.join(ROOT, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => `docs/${f}`),
];

/** GitHub's heading anchor: lower case, punctuation dropped (but `-` and `_`), spaces to `-`. */
export function anchorOf(heading: string): string {
    return heading
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s_-]/gu, "")
        .replace(/\s/g, "-");
}

/** The anchors of a Markdown file's headings, outside fenced code; repeated headings get -1, -2 as on GitHub. */
export function anchorsOf(markdown: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    let fence: string | undefined;
    for (const line of markdown.split("\n")) {
        const f = /^(`{3,}|~{3,})/.exec(line)?.[1];
        if (f && (!fence || f.startsWith(fence))) fence = fence ? undefined : f;
        const m = fence ? undefined : /^#{1,6}\s+(.*)$/.exec(line);
        if (!m) continue;
        const base = anchorOf(m[1].replace(/`/g, ""));
        const n = seen.get(base) ?? 0;
        anchors.add(n === 0 ? base : `${base}-${n}`);
        seen.set(base, n + 1);
    }
    return anchors;
}

/** Relative links `[text](target)` of a Markdown file, outside fenced code. */
function linksOf(markdown: string): string[] {
    const text = markdown.replace(/^(`{3,}|~{3,})[\s\S]*?^\1/gm, "");
    return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/i.test(t));
}

function brokenLinks(file: string): string[] {
    const markdown = readFileSync(path.join(ROOT, file), "utf8");
    const broken: string[] = [];
    for (const link of linksOf(markdown)) {
        const [target, fragment] = link.split("#", 2);
        const resolved = target ? path.resolve(path.dirname(path.join(ROOT, file)), target) : path.join(ROOT, file);
        if (!existsSync(resolved)) {
            broken.push(`${file}: ${link} (no such file)`);
            continue;
        }
        if (fragment && statSync(resolved).isFile() && resolved.endsWith(".md")) {
            if (!anchorsOf(readFileSync(resolved, "utf8")).has(fragment))
                broken.push(`${file}: ${link} (no such heading)`);
        }
    }
    return broken;
}

describe("documentation", () => {
    it("keeps README to the first screen a newcomer needs (at most 250 lines)", () => {
        const lines = readFileSync(path.join(ROOT, "README.md"), "utf8").split("\n").length;
        expect(lines).toBeLessThanOrEqual(250);
    });

    it("has no broken relative link in README, docs/, policies/ and examples/", () => {
        expect(DOCS.flatMap(brokenLinks)).toEqual([]);
    });

    it("computes GitHub's anchors, so a broken fragment cannot pass", () => {
        expect(
            anchorsOf(
                "# Two commands\n## From the plan to a real `pulumi up`\n```\n# not a heading\n```\n## Two commands",
            ),
        ).toEqual(new Set(["two-commands", "from-the-plan-to-a-real-pulumi-up", "two-commands-1"]));
    });
});
