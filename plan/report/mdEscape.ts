/**
 * Markdown escaping: every value the reports render into Markdown (the plan report, the plan diff, the preflight
 * section, the lifecycle and drift reports, and so the pull request comment) goes through {@link escapeMarkdown}.
 * A name, tag value, message or model name renders as literal text: no link, emphasis, HTML, mention, broken table
 * or broken code fence, whatever characters it holds.
 */
/**
 * Where a value goes in Markdown: running `text` (also a table cell: `|` is always escaped), a `code` span, or a
 * code span inside a table cell (`cellCode`, whose `|` the table would otherwise take for a column break).
 */
export type MarkdownContext = "text" | "code" | "cellCode";

/** URLs and `www.` hosts: shown as code spans, so a renderer never makes them links. */
const URL_LIKE = /\b[a-z][a-z0-9+.-]*:\/\/[^\s`<>|]*[^\s`<>|.,;:)!?"']|\bwww\.[^\s`<>|]*[^\s`<>|.,;:)!?"']/gi;
/**
 * ASCII punctuation that can open Markdown or GitHub markup inline, backslash-escaped: `_` only where it can
 * delimit emphasis (not between letters or digits), `]` only where it could close a link (before `(`, `[` or `:`;
 * `[0]` in a config path stays readable), `&` only where it starts a character reference.
 */
const INLINE_MARKUP =
    /[\\`*<|~$]|\[(?=[^\]]*\][([:])|\](?=[([:])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|&(?=#?[A-Za-z0-9]+;)/g;

/**
 * The one escape for every value rendered into Markdown (names, tag values, messages, model names, paths): the value
 * renders as literal text in CommonMark and on GitHub. Line breaks become spaces; in `text`, markup characters are
 * backslash-escaped, URLs become code spans (never links), `@` gets a zero-width joiner (never a mention) and a
 * leading list or heading marker is escaped; a code span is delimited by a backtick run longer than any in the
 * value (padded where the value starts or ends with a backtick or a space).
 */
export function escapeMarkdown(value: string, where: MarkdownContext = "text"): string {
    const line = value.replace(/\r\n|\r|\n/g, " ");
    if (where !== "text") {
        const body = where === "cellCode" ? line.replace(/\|/g, "\\|") : line;
        if (body === "") return "` `";
        const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
        const ticks = "`".repeat(longest + 1);
        const pad = /^[ `]|[ `]$/.test(body) ? " " : "";
        return `${ticks}${pad}${body}${pad}${ticks}`;
    }
    let out = "";
    let last = 0;
    for (const m of line.matchAll(URL_LIKE)) {
        out += plainText(line.slice(last, m.index));
        out += escapeMarkdown(m[0], "code");
        last = m.index + m[0].length;
    }
    out += plainText(line.slice(last));
    // A list item, ordered-list item, heading or block quote opened by the value itself.
    return out.replace(/^(\s*)([-+=#>]|\d+(?=[.)]))/, (_, space: string, marker: string) =>
        /^\d/.test(marker) ? `${space}${marker}\\` : `${space}\\${marker}`,
    );
}

function plainText(s: string): string {
    // `@name` would mention someone and `#123` link an issue on GitHub: a zero-width joiner breaks both.
    return s
        .replace(INLINE_MARKUP, "\\$&")
        .replace(/@/g, "\\@\u200D")
        .replace(/#(?=\d)/g, "#\u200D");
}

/** A value as running text (an error, a warning, a policy message): see {@link escapeMarkdown}. */
export function text(value: string): string {
    return escapeMarkdown(value, "text");
}

/** A value as a Markdown table cell: running text, its `|` escaped. */
export function cell(value: string): string {
    return escapeMarkdown(value, "text");
}

/** A value as inline code (`inTable`: inside a table cell). */
export function code(value: string, inTable = false): string {
    return escapeMarkdown(value, inTable ? "cellCode" : "code");
}

/** A fenced code block of `lines`, its fence longer than any backtick run in them, each line kept on one line. */
export function fenced(info: string, lines: string[]): string[] {
    const longest = Math.max(2, ...lines.flatMap((l) => l.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longest + 1);
    return [`${fence}${info}`, ...lines.map((l) => l.replace(/\r\n|\r|\n/g, " ")), fence];
}
