/**
 * The lifecycle report: which deployments of a stack reach a lifecycle date (legacy, deprecated, retired) within
 * the next N days, or have already passed one, with the replacement the catalog names. It reads the stack's config
 * as the plan does and judges the catalog's dates; it runs nothing. Each kind of deployment has one collector in
 * {@link COLLECTORS}: serverless endpoints, managed online deployments and Foundry deployments.
 */
import {
    lifecycleStage,
    replacementClause,
    type Lifecycle,
    type FoundryOffer,
    type LifecycleStage,
    type ModelEntry,
} from "../../infra/catalog";
import { configPath, validateStackConfig, type ConfigIssue, type ValidStackConfig } from "../../infra/config";

/** One deployment of the stack and the lifecycle of the offer it deploys. */
export interface LifecycleSubject {
    /** Config path of the deployment, e.g. `azure-ai-models:deployments[0]`. */
    path: string;
    /** Its name in the stack (`ministral`, `mixtral/blue`). */
    name: string;
    type: "serverless" | "managed" | "foundry";
    /** The catalog model, or the Foundry offer a Foundry deployment deploys. */
    model: ModelEntry | FoundryOffer;
    lifecycle: Lifecycle | undefined;
}

export type LifecycleEvent = Exclude<LifecycleStage, "active">;

export interface LifecycleItem {
    subject: LifecycleSubject;
    /** The stage the offer is in on the report's day. */
    stage: LifecycleStage;
    /** A stage already reached (the latest), or one the window reaches. */
    event: LifecycleEvent;
    date: string;
    /** Days from the report's day to the event (negative: already past). */
    days: number;
    /** `replacement: X`, `no replacement on Azure`, `no replacement is named`. */
    replacement: string;
}

export interface LifecycleReport {
    today: string;
    until: string;
    windowDays: number;
    /** How many deployments were looked at. */
    checked: number;
    /** Deployments of models outside the catalog: no lifecycle to judge them by (never counted as checked). */
    unjudged: { path: string; name: string; model: string }[];
    /** What is due (a stage already reached, or a date within the window), by date. */
    items: LifecycleItem[];
}

const EVENTS: readonly LifecycleEvent[] = ["legacy", "deprecated", "retired"];

/** The lifecycle watch's window: `npm run catalog:lifecycle` and the weekly workflow look this many days ahead. */
export const LIFECYCLE_WINDOW_DAYS = 90;

/**
 * The plan's warnings for the dates the lifecycle watch would report: each deployment whose model reaches a lifecycle
 * date after `today` and within the window. A stage already reached is config validation's warning (or error), so it
 * is not repeated here; a config the report cannot read gives none (the plan reports the config's own errors).
 */
export function lifecycleWarnings(
    raw: Record<string, unknown>,
    today: Date,
    windowDays = LIFECYCLE_WINDOW_DAYS,
): { path: string; message: string }[] {
    let report: LifecycleReport;
    try {
        report = lifecycleReport(raw, today, windowDays);
    } catch (e) {
        if (e instanceof LifecycleConfigError) return [];
        throw e;
    }
    return report.items
        .filter((i) => i.days > 0)
        .map((i) => ({
            path: i.subject.path,
            message: `${i.subject.model.name} (${i.subject.type}) becomes ${i.event} on ${i.date}, in ${i.days} days, within the lifecycle watch's ${windowDays}-day window; ${i.replacement}`,
        }));
}
const DAY_MS = 24 * 3600 * 1000;
const day = (d: Date) => d.toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** `deployments`: serverless endpoints. */
function serverlessSubjects(config: ValidStackConfig): LifecycleSubject[] {
    return config.deployments.map((d, i) => ({
        path: configPath(["deployments", i]),
        name: d.name,
        type: "serverless",
        model: d.catalogModel,
        lifecycle: d.catalogModel.serverless?.lifecycle,
    }));
}

/** `onlineEndpoints[].deployments`: managed compute. */
function managedSubjects(config: ValidStackConfig): LifecycleSubject[] {
    return config.onlineEndpoints.flatMap((e, i) =>
        e.deployments.map((d, j) => ({
            path: configPath(["onlineEndpoints", i, "deployments", j]),
            name: `${e.name}/${d.name}`,
            type: "managed" as const,
            model: d.catalogModel,
            lifecycle: d.catalogModel.managed?.lifecycle,
        })),
    );
}

/** `foundry.deployments`: deployments on a Foundry resource, judged by their Foundry offer's lifecycle. */
function foundrySubjects(config: ValidStackConfig): LifecycleSubject[] {
    return (config.foundry?.deployments ?? []).flatMap((d, i) =>
        d.offer
            ? [
                  {
                      path: configPath(["foundry", "deployments", i]),
                      name: d.name,
                      type: "foundry" as const,
                      model: d.offer,
                      lifecycle: d.offer.lifecycle,
                  },
              ]
            : [],
    );
}

/** Deployments whose model the catalog does not know: the report cannot judge their lifecycle, and says so. */
function unjudgedSubjects(config: ValidStackConfig): LifecycleReport["unjudged"] {
    return (config.foundry?.deployments ?? []).flatMap((d, i) =>
        d.offer
            ? []
            : [
                  {
                      path: configPath(["foundry", "deployments", i]),
                      name: d.name,
                      model: `${d.checked.format}/${d.checked.name}`,
                  },
              ],
    );
}

/** Every kind of deployment the report looks at. */
export const COLLECTORS: readonly ((config: ValidStackConfig) => LifecycleSubject[])[] = [
    serverlessSubjects,
    managedSubjects,
    foundrySubjects,
];

/** What is due for one subject: the stage already reached (if any), then each date within the window. */
function itemsOf(s: LifecycleSubject, today: string, until: string): LifecycleItem[] {
    const lc = s.lifecycle;
    if (!lc) return [];
    const now = new Date(`${today}T00:00:00Z`);
    const stage = lifecycleStage(lc, now);
    const events = EVENTS.filter((e) => lc[e] !== undefined && lc[e]! > today && lc[e]! <= until);
    if (stage !== "active") events.unshift(stage);
    const replacement = replacementClause(lc, { offer: s.type, today: now });
    return events.map((event) => ({
        subject: s,
        stage,
        event,
        date: lc[event]!,
        days: daysBetween(today, lc[event]!),
        replacement,
    }));
}

export class LifecycleConfigError extends Error {
    constructor(readonly issues: ConfigIssue[]) {
        super(issues.map((i) => `${i.path}: ${i.message}`).join("\n"));
    }
}

/**
 * The report of a stack's config (its `azure-ai-models:*` values, without the namespace) on `today` for
 * `windowDays` days. The config is resolved without judging lifecycles (a retired model is what the report is
 * for, not a config error); any other config error throws.
 */
export function lifecycleReport(raw: Record<string, unknown>, today: Date, windowDays: number): LifecycleReport {
    const resolved = validateStackConfig(raw, { today: new Date("1970-01-01T00:00:00Z") });
    if (!resolved.config) throw new LifecycleConfigError(resolved.errors);
    const from = day(today);
    const until = day(new Date(today.getTime() + windowDays * DAY_MS));
    const subjects = COLLECTORS.flatMap((collect) => collect(resolved.config!));
    const items = subjects
        .flatMap((s) => itemsOf(s, from, until))
        .sort((a, b) => a.date.localeCompare(b.date) || a.subject.path.localeCompare(b.subject.path));
    const unjudged = unjudgedSubjects(resolved.config);
    return { today: from, until, windowDays, checked: subjects.length, unjudged, items };
}

function when(days: number): string {
    if (days === 0) return "today";
    return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

function rows(report: LifecycleReport): string[][] {
    return report.items.map((i) => [
        i.subject.name,
        i.subject.type,
        i.subject.model.name,
        i.event,
        i.date,
        when(i.days),
        i.replacement,
    ]);
}

const HEADER = ["deployment", "type", "model", "event", "date", "when", "replacement"];

function title(r: LifecycleReport, stack: string): string {
    const unjudged = r.unjudged.length ? `, ${r.unjudged.length} not judged` : "";
    return `Lifecycle report: stack ${stack}, ${r.today} to ${r.until} (${r.windowDays} days): ${r.checked} deployment(s) checked${unjudged}, ${r.items.length} due`;
}

/** One line per deployment the report could not judge. */
function unjudgedLines(r: LifecycleReport): string[] {
    return r.unjudged.map(
        (u) => `Not judged: ${u.name} (${u.path}) deploys ${u.model}, which is not in the catalog: no lifecycle dates.`,
    );
}

/** The report as text: a title line, then a table of what is due (or a line saying nothing is). */
export function renderLifecycleText(r: LifecycleReport, stack: string): string {
    const notJudged = unjudgedLines(r);
    if (r.items.length === 0)
        return [title(r, stack), "Nothing reaches a lifecycle date in this window.", ...notJudged].join("\n");
    const table = [HEADER, ...rows(r)];
    const widths = HEADER.map((_, i) => Math.max(...table.map((row) => row[i].length)));
    const lines = table.map((row) =>
        row
            .map((c, i) => c.padEnd(widths[i]))
            .join("  ")
            .trimEnd(),
    );
    return [title(r, stack), "", ...lines, ...(notJudged.length ? ["", ...notJudged] : [])].join("\n");
}

/** The report as Markdown, for an issue body or a job summary. */
export function renderLifecycleMarkdown(r: LifecycleReport, stack: string): string {
    const out = [`## ${title(r, stack)}`, ""];
    const notJudged = unjudgedLines(r);
    if (r.items.length === 0)
        return [...out, "Nothing reaches a lifecycle date in this window.", ...notJudged.map((l) => `\n${l}`)].join(
            "\n",
        );
    out.push(`| ${HEADER.join(" | ")} |`, `|${HEADER.map(() => "---").join("|")}|`);
    for (const row of rows(r)) out.push(`| ${row.map((c, i) => (i <= 2 ? `\`${c}\`` : c)).join(" | ")} |`);
    out.push(
        "",
        "Legacy: new deployments not recommended; deprecated: no new deployments; retired: the endpoints return 404. " +
            "Deploy the replacement, point clients at it, then remove the old deployment.",
    );
    if (notJudged.length) out.push("", ...notJudged);
    return out.join("\n");
}
