/** Command-line options the plan and the plan diff share, and how they read them. */
import { parseCalendarDate } from "../../infra/catalog/dates";

/** `parseArgs` options common to `npm run plan` and `npm run plan:diff`. */
export const SHARED_OPTIONS = {
    stack: { type: "string", short: "s" },
    format: { type: "string", short: "f" },
    json: { type: "boolean" },
    today: { type: "string" },
    dir: { type: "string" },
    "policy-config": { type: "string" },
    "skip-policies": { type: "boolean" },
    help: { type: "boolean", short: "h" },
} as const;

/** A `--today` value as a date (midnight UTC), or undefined when it is not `YYYY-MM-DD`. */
export function parseDay(value: string): Date | undefined {
    return parseCalendarDate(value);
}

/** `--format`, with `--json` as its alias; an error message when they disagree or the format is unknown. */
export function resolveFormat<F extends string>(
    formats: readonly F[],
    json: unknown,
    format: unknown,
): F | { error: string } {
    if (json && format !== undefined && format !== "json")
        return { error: `--json and --format ${String(format)} contradict each other (--json is --format json)` };
    const chosen = json ? "json" : typeof format === "string" ? format : "text";
    if (!(formats as readonly string[]).includes(chosen))
        return { error: `--format ${JSON.stringify(chosen)} is not a format; expected one of ${formats.join(", ")}` };
    return chosen as F;
}
