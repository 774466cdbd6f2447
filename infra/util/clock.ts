import { parseCalendarDate } from "../catalog/dates";

/**
 * Today, for lifecycle checks and shared-quota deletion times: `AZURE_AI_MODELS_TODAY` (YYYY-MM-DD, midnight UTC)
 * when set, so a preview can look ahead and the offline plan is repeatable; otherwise undefined.
 */
export function configuredToday(env: NodeJS.ProcessEnv = process.env): Date | undefined {
    const v = env.AZURE_AI_MODELS_TODAY;
    if (!v) return undefined;
    const d = parseCalendarDate(v);
    if (!d) {
        throw new Error(`AZURE_AI_MODELS_TODAY=${JSON.stringify(v)} is not a date; expected YYYY-MM-DD`);
    }
    return d;
}
