/**
 * Local checks of an online endpoint's traffic split, run before anything is sent to Azure. They follow the rules
 * Azure applies (`traffic` sums to 100, `mirrorTraffic` to at most 50, no mirroring to a deployment that serves
 * live traffic), so a bad split fails in `pulumi preview` with the property at fault instead of minutes into an
 * update. Azure still checks what only it can know: that every named deployment exists.
 *
 * This module is serialized into the EndpointTraffic dynamic provider: it imports nothing at run time.
 */

/** One problem with a split: the input property at fault and why. */
export interface TrafficProblem {
    /** Property path, e.g. `traffic["blue"]` or `mirrorTraffic`. */
    property: string;
    reason: string;
}

/** Live and mirrored traffic of an online endpoint, as percentages by deployment name. */
export interface TrafficSplit {
    /** Percentage of requests routed to each deployment: integers that add up to 100, or all 0 / empty. */
    traffic: Record<string, number>;
    /** Percentage of requests copied to each deployment (responses dropped): integers adding up to at most 50. */
    mirrorTraffic?: Record<string, number>;
}

/** Most of the requests Azure lets an endpoint mirror, summed over deployments. */
export const MAX_MIRROR_PERCENT = 50;

/** Every problem with a split, in input order; empty when Azure's rules hold. */
export function trafficProblems(split: { traffic?: unknown; mirrorTraffic?: unknown }): TrafficProblem[] {
    const problems: TrafficProblem[] = [];
    const traffic = percentMap("traffic", split.traffic, problems, true);
    const mirror = percentMap("mirrorTraffic", split.mirrorTraffic, problems, false);
    if (traffic) {
        const sum = total(traffic);
        if (sum !== 100 && sum !== 0) {
            problems.push({
                property: "traffic",
                reason: `must add up to 100, or be empty or all 0 to route nothing; got ${sum} (${terms(traffic)})`,
            });
        }
    }
    if (mirror) {
        const sum = total(mirror);
        if (sum > MAX_MIRROR_PERCENT) {
            problems.push({
                property: "mirrorTraffic",
                reason: `must add up to at most ${MAX_MIRROR_PERCENT}; got ${sum} (${terms(mirror)})`,
            });
        }
        for (const [name, percent] of Object.entries(mirror)) {
            const live = traffic?.[name] ?? 0;
            if (percent > 0 && live > 0) {
                problems.push({
                    property: `mirrorTraffic[${JSON.stringify(name)}]`,
                    reason:
                        `cannot mirror to a deployment that serves live traffic (traffic[${JSON.stringify(name)}] is ` +
                        `${live}); set its traffic to 0 or stop mirroring to it`,
                });
            }
        }
    }
    return problems;
}

/** One line per problem: `traffic: must add up to 100 ...`. */
export function formatProblems(problems: readonly TrafficProblem[]): string {
    return problems.map((p) => `${p.property}: ${p.reason}`).join("\n");
}

/** The split Azure routes by: deployments at 0% dropped, so `{ blue: 0, green: 100 }` equals `{ green: 100 }`. */
export function effectiveSplit(map: Record<string, number> | undefined): Record<string, number> {
    const out: Record<string, number> = {};
    for (const name of Object.keys(map ?? {}).sort()) {
        const percent = (map ?? {})[name];
        if (percent !== 0) out[name] = percent;
    }
    return out;
}

/** True when two splits route requests the same way (ignoring key order and 0% entries). */
export function sameSplit(a: Record<string, number> | undefined, b: Record<string, number> | undefined): boolean {
    return JSON.stringify(effectiveSplit(a)) === JSON.stringify(effectiveSplit(b));
}

const MAP_OF_PERCENT = "a map of deployment name to percentage";

function percentMap(
    property: string,
    value: unknown,
    problems: TrafficProblem[],
    required: boolean,
): Record<string, number> | undefined {
    if (value === undefined || value === null) {
        if (required) {
            problems.push({ property, reason: `is required: ${MAP_OF_PERCENT}, e.g. { blue: 100 }` });
        }
        return undefined;
    }
    if (typeof value !== "object" || Array.isArray(value)) {
        problems.push({ property, reason: `must be ${MAP_OF_PERCENT}; got ${JSON.stringify(value)}` });
        return undefined;
    }
    const out: Record<string, number> = {};
    let ok = true;
    for (const [name, percent] of Object.entries(value as Record<string, unknown>)) {
        const path = `${property}[${JSON.stringify(name)}]`;
        if (name.trim() === "") {
            problems.push({ property: path, reason: "deployment name must not be empty" });
            ok = false;
        } else if (typeof percent !== "number" || !Number.isInteger(percent) || percent < 0 || percent > 100) {
            const reason = `must be an integer from 0 to 100; got ${JSON.stringify(percent)}`;
            problems.push({ property: path, reason });
            ok = false;
        } else {
            out[name] = percent;
        }
    }
    return ok ? out : undefined;
}

function total(map: Record<string, number>): number {
    return Object.values(map).reduce((a, b) => a + b, 0);
}

function terms(map: Record<string, number>): string {
    const entries = Object.entries(map);
    return entries.length === 0 ? "no deployments" : entries.map(([k, v]) => `${k} ${v}`).join(" + ");
}
