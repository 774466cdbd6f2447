/**
 * What a valid traffic split of an Azure ML online endpoint is: the one rule that config validation
 * (`infra/config/validateManaged.ts`), the `EndpointTraffic` provider (`infra/traffic/`) and the policy
 * `online-endpoint-traffic` all call, so the three cannot disagree.
 *
 * Azure's rule (REST spec Microsoft.MachineLearningServices 2025-12-01, `OnlineEndpointProperties`: "Traffic values
 * need to sum to 100", "[mirror] Traffic values need to sum to utmost 50"; extract in test/restspec/spec): live
 * traffic is integers from 0 to 100 over the endpoint's deployments adding up to 100, or empty / all 0 to route
 * nothing (an endpoint is created that way, before its deployments exist); mirrored traffic adds up to at most 50
 * and never goes to a deployment that serves live traffic; every name must be a deployment of the endpoint.
 *
 * This module is serialized into the EndpointTraffic dynamic provider: it imports nothing at run time.
 */

import { closest } from "./suggest";

/** One problem with a split: the input property at fault and why. */
export interface TrafficProblem {
    /** Property path, e.g. `traffic["blue"]` or `mirrorTraffic`. */
    property: string;
    /** The same path as keys, e.g. `["traffic", "blue"]`, for callers that prefix their own path. */
    path: string[];
    reason: string;
}

/** Live and mirrored traffic of an online endpoint, as percentages by deployment name. */
export interface TrafficSplit {
    /** Percentage of requests routed to each deployment: integers that add up to 100, or all 0 / empty. */
    traffic: Record<string, number>;
    /** Percentage of requests copied to each deployment (responses dropped): integers adding up to at most 50. */
    mirrorTraffic?: Record<string, number>;
}

/** What the caller knows beyond the split itself. */
export interface TrafficRuleOptions {
    /**
     * The endpoint's deployments. When given, every name in `traffic` and `mirrorTraffic` must be one of them
     * (names compare case-insensitively, as Azure's do); when not (a caller that cannot know them), names are not judged.
     */
    deployments?: readonly string[];
    /** Most of the requests mirrored in total; a platform team may set less than Azure's {@link MAX_MIRROR_PERCENT}. */
    maxMirrorPercent?: number;
    /** Whether a missing `traffic` is a problem (the EndpointTraffic resource requires it); otherwise it routes nothing. */
    requireTraffic?: boolean;
}

/** Most of the requests Azure lets an endpoint mirror, summed over deployments. */
export const MAX_MIRROR_PERCENT = 50;

/** Every problem with a split, in input order; empty when Azure's rules hold. */
export function trafficProblems(
    split: { traffic?: unknown; mirrorTraffic?: unknown },
    options: TrafficRuleOptions = {},
): TrafficProblem[] {
    const problems: TrafficProblem[] = [];
    const maxMirror = options.maxMirrorPercent ?? MAX_MIRROR_PERCENT;
    const traffic = percentMap("traffic", split.traffic, problems, options.requireTraffic ?? true);
    const mirror = percentMap("mirrorTraffic", split.mirrorTraffic, problems, false);
    if (traffic) {
        unknownNames("traffic", traffic, options.deployments, problems);
        const sum = total(traffic);
        if (sum !== 100 && sum !== 0) {
            problems.push({
                property: "traffic",
                path: ["traffic"],
                reason: `must add up to 100, or be empty or all 0 to route nothing; got ${sum} (${terms(traffic)})`,
            });
        }
    }
    if (mirror) {
        unknownNames("mirrorTraffic", mirror, options.deployments, problems);
        const sum = total(mirror);
        if (sum > maxMirror) {
            problems.push({
                property: "mirrorTraffic",
                path: ["mirrorTraffic"],
                reason: `must add up to at most ${maxMirror}; got ${sum} (${terms(mirror)})`,
            });
        }
        for (const [name, percent] of Object.entries(mirror)) {
            const live = Object.entries(traffic ?? {}).find(([k]) => k.toLowerCase() === name.toLowerCase());
            if (percent > 0 && live && live[1] > 0) {
                problems.push({
                    property: `mirrorTraffic[${JSON.stringify(name)}]`,
                    path: ["mirrorTraffic", name],
                    reason:
                        `cannot mirror to a deployment that serves live traffic (traffic[${JSON.stringify(live[0])}] is ` +
                        `${live[1]}); set its traffic to 0 or stop mirroring to it`,
                });
            }
        }
    }
    return problems;
}

/** Names of a split that are no deployment of the endpoint, each with the closest deployment name. */
function unknownNames(
    property: string,
    split: Record<string, number>,
    deployments: readonly string[] | undefined,
    problems: TrafficProblem[],
): void {
    if (deployments === undefined) return;
    const known = new Set(deployments.map((d) => d.toLowerCase()));
    for (const name of Object.keys(split)) {
        if (known.has(name.toLowerCase())) continue;
        const near = closest(name, deployments, 1);
        const list = deployments.length ? deployments.join(", ") : "none";
        problems.push({
            property: `${property}[${JSON.stringify(name)}]`,
            path: [property, name],
            reason:
                `names no deployment of this endpoint (deployments: ${list}); Azure accepts only existing deployments` +
                (near.length ? `; did you mean "${near[0]}"?` : ""),
        });
    }
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
            problems.push({ property, path: [property], reason: `is required: ${MAP_OF_PERCENT}, e.g. { blue: 100 }` });
        }
        return undefined;
    }
    if (typeof value !== "object" || Array.isArray(value)) {
        problems.push({
            property,
            path: [property],
            reason: `must be ${MAP_OF_PERCENT}; got ${JSON.stringify(value)}`,
        });
        return undefined;
    }
    const out: Record<string, number> = {};
    let ok = true;
    for (const [name, percent] of Object.entries(value as Record<string, unknown>)) {
        const at = { property: `${property}[${JSON.stringify(name)}]`, path: [property, name] };
        if (name.trim() === "") {
            problems.push({ ...at, reason: "deployment name must not be empty" });
            ok = false;
        } else if (typeof percent !== "number" || !Number.isInteger(percent) || percent < 0 || percent > 100) {
            const reason = `must be an integer from 0 to 100; got ${JSON.stringify(percent)}`;
            problems.push({ ...at, reason });
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
