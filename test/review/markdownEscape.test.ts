/**
 * Every value rendered into Markdown renders as literal text: the plan report, the plan diff (the pull request
 * comment), the preflight section, the lifecycle and drift reports, rendered with a CommonMark renderer
 * (markdown-it, raw HTML and link detection on, as GitHub has them) for values that carry backticks, a link, bold
 * text, an @-mention, raw HTML, a table pipe and a line break.
 */
import MarkdownIt from "markdown-it";
import { beforeAll, describe, expect, it } from "vitest";
import { diffPlans } from "../../plan/diff/diff";
import { renderDiffMarkdown } from "../../plan/diff/diffRender";
import { renderLifecycleMarkdown, type LifecycleReport } from "../../plan/lifecycle/lifecycle";
import { code, escapeMarkdown, fenced, renderMarkdown, text } from "../../plan/report/markdown";
import type { Plan } from "../../plan/run/types";
import { renderDrift } from "../../preflight/drift";
import { preflightMarkdown } from "../../preflight/report";
import type { PreflightResult } from "../../preflight/run";
import { clone, planOf, stackFileConfig, ONE_MODEL_STACK } from "./plans";

const md = new MarkdownIt({ html: true, linkify: true });

/** A value a stack, a message or Azure could carry, with every kind of markup in it. */
const EVIL = "x``y`` [link](https://evil.example) **bold** @octocat <b>raw</b> a|b\n# heading";
/** The HTML we generate ourselves (the plan diff's collapsed report). */
const OWN_HTML = /<\/?(details|summary)>/g;

/** Asserts that rendered Markdown holds no markup that came from a value (the reports' own bold text is theirs). */
function assertLiteral(markdown: string): string {
    const html = md.render(markdown);
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toMatch(/<(strong|em)>(bold|\*bold)/);
    expect(html).not.toMatch(/<(b|img|script|h1)[\s>]/);
    expect(html).not.toMatch(/<h\d>heading/);
    // A mention is written only where it would render as one: outside code, without a joiner after the @.
    const outsideCode = html.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, "");
    expect(outsideCode).not.toMatch(/@octocat/);
    // Every table row has as many cells as its header.
    for (const table of html.match(/<table>[\s\S]*?<\/table>/g) ?? []) {
        const rows = table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [];
        const widths = rows.map((r) => (r.match(/<t[dh][\s>]/g) ?? []).length);
        expect(new Set(widths).size, table).toBe(1);
    }
    // The value's text is there, literally.
    expect(html.replace(OWN_HTML, "")).toContain("**bold**");
    expect(html).toContain("&lt;b&gt;raw&lt;/b&gt;");
    return html;
}

describe("the Markdown escape", () => {
    it("keeps text, code spans and fences literal, whatever backticks, pipes or line breaks a value holds", () => {
        expect(text("a_b *c* [d](e) @f <g> h|i\nj")).toBe("a_b \\*c\\* \\[d\\](e) \\@\u200Df \\<g> h\\|i j");
        expect(text("see https://learn.microsoft.com/x, then")).toBe("see `https://learn.microsoft.com/x`, then");
        expect(text("- item")).toBe("\\- item");
        expect(text("1. item")).toBe("1\\. item");
        expect(code("a`b")).toBe("``a`b``");
        expect(code("`a")).toBe("`` `a ``");
        expect(code("a|b", true)).toBe("`a\\|b`");
        expect(code("")).toBe("` `");
        expect(escapeMarkdown("a\nb", "code")).toBe("`a b`");
        expect(fenced("text", ["```", "a\nb"])).toEqual(["````text", "```", "a b", "````"]);
        const html = md.render(`| a | b |\n|---|---|\n| ${code(EVIL, true)} | ${text(EVIL)} |\n\n- ${text(EVIL)}`);
        assertLiteral(`| a | b |\n|---|---|\n| ${code(EVIL, true)} | ${text(EVIL)} |\n\n- ${text(EVIL)}`);
        expect(html).toContain("<td><code>x``y`` [link](https://evil.example) **bold** @octocat");
    });
});

const WS = "azure-ai-models:workspace";

describe("reports render every value as literal text", () => {
    let base: Plan;
    let head: Plan;
    let invalid: Plan;
    beforeAll(async () => {
        const dev = stackFileConfig(ONE_MODEL_STACK);
        const evil = clone(dev) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stack config edited by path
        // Closes the double-backtick code span a value with backticks used to get, then carries on as markup.
        evil[WS].tags.owner = "ok`` [link](https://evil.example) **bold** @octocat <b>raw</b> a|b";
        const wrong = clone(dev) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stack config edited by path
        wrong["azure-ai-models:deployments"][0].name = EVIL;
        // One at a time: the mock runtime is one per process.
        base = await planOf(dev);
        head = await planOf(evil);
        invalid = await planOf(wrong);
    }, 120_000);

    it("the plan diff, the pull request comment: tag values changed to markup", () => {
        const diff = diffPlans(base, head, { baseLabel: "main", headLabel: "pull request" });
        expect(head.errors).toEqual([]);
        const markdown = renderDiffMarkdown(diff, { enabled: true, allowed: false }, { headPlan: head });
        expect(markdown).toContain("tags.owner");
        assertLiteral(markdown);
    });

    it("the plan report: names, messages, warnings, outputs and unjudged inputs carrying markup", () => {
        const plan = clone(head);
        plan.resources[1].name = EVIL;
        plan.warnings.push({ path: EVIL, message: EVIL });
        plan.policies!.violations.push({
            policyName: EVIL,
            enforcementLevel: "mandatory",
            message: EVIL,
            resourceName: EVIL,
        });
        plan.policies!.notJudged = [{ resourceName: EVIL, path: EVIL } as never];
        plan.outputs.push({ name: EVIL, value: { [EVIL]: EVIL }, secret: false, secretPaths: [], rawValue: {} });
        const markdown = renderMarkdown(plan);
        assertLiteral(markdown);
        // The tree's fence is not closed early by a value.
        expect(md.render(markdown).match(/<pre>/g)?.length).toBe(1 + plan.outputs.length);
        // An invalid config: the errors quote the value given.
        expect(invalid.errors.length).toBeGreaterThan(0);
        expect(invalid.errors.join("\n")).toContain("**bold**");
        assertLiteral(renderMarkdown(invalid));
    });

    it("the preflight section, the lifecycle report and the drift report", () => {
        const preflight: PreflightResult = {
            ran: true,
            subscriptionId: "00000000-0000-0000-0000-000000000000",
            endpoint: "https://management.azure.com",
            credential: "test",
            calls: 1,
            findings: [
                { check: "quota", severity: "blocking", resource: EVIL, message: EVIL, fix: EVIL },
                { check: "quota", severity: "ok", resource: EVIL, message: EVIL },
            ],
        } as PreflightResult;
        assertLiteral(preflightMarkdown(preflight).join("\n"));
        assertLiteral(preflightMarkdown({ ran: false, reason: EVIL } as PreflightResult).join("\n"));

        const report: LifecycleReport = {
            source: "config",
            today: "2026-11-21",
            until: "2027-02-19",
            windowDays: 90,
            checked: 1,
            unjudged: [{ path: EVIL, name: EVIL, model: EVIL }],
            items: [
                {
                    subject: {
                        path: EVIL,
                        name: EVIL,
                        type: "serverless",
                        model: { name: EVIL } as never,
                        lifecycle: undefined,
                    },
                    stage: "active",
                    event: "retired",
                    date: "2026-12-01",
                    days: 10,
                    replacement: EVIL,
                },
            ],
        };
        assertLiteral(renderLifecycleMarkdown(report, EVIL));
        assertLiteral(
            renderDrift(
                {
                    regions: [EVIL],
                    differences: [{ region: EVIL, model: EVIL, kind: "version", catalog: EVIL, azure: EVIL } as never],
                    unread: [{ region: EVIL, reason: EVIL }],
                },
                "markdown",
            ),
        );
    });
});
