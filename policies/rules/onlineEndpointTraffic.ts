/**
 * Rule 10b (advisory): an online endpoint's traffic split is valid. `properties.traffic` percentages sum to 100
 * and name deployments of that endpoint; `properties.mirrorTraffic` sends at most 50% to any deployment
 * (FACTS.md section 5). Traffic can only name deployments that already exist, so it is usually set in an update
 * after the deployments are created.
 */
import { describe, isKind } from "../lib/azure";
import { defineStackRule, list, type Finding } from "../lib/rule";
import { isUnknown, knownObject, knownString } from "../lib/unknown";
import type { ResourceView } from "../lib/view";
import { sameWorkspace, workspaceOf, type Tri } from "../lib/workspaces";

export interface OnlineEndpointTrafficConfig {
    maxMirrorPercent: number;
    checkDeploymentNames: boolean;
}

/** Whether a deployment belongs to an endpoint: through `endpointName`'s dependencies, else by name and workspace. */
function belongsTo(deployment: ResourceView, endpoint: ResourceView, all: readonly ResourceView[]): Tri {
    if ((deployment.propertyDependencies.endpointName ?? []).includes(endpoint.urn)) return true;
    const a = knownString(deployment.props, "endpointName");
    const b = knownString(endpoint.props, "endpointName");
    if (a === undefined || b === undefined) return "unknown";
    if (a.toLowerCase() !== b.toLowerCase()) return false;
    return sameWorkspace(workspaceOf(deployment, all), workspaceOf(endpoint, all));
}

export const onlineEndpointTraffic = defineStackRule<OnlineEndpointTrafficConfig>({
    name: "online-endpoint-traffic",
    description:
        "An online endpoint's traffic sums to 100 and names its own deployments; mirrored traffic is at most 50% per deployment.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            maxMirrorPercent: {
                type: "integer",
                minimum: 0,
                maximum: 50,
                default: 50,
                description: "Highest mirrorTraffic percentage for one deployment (Azure allows at most 50).",
            },
            checkDeploymentNames: {
                type: "boolean",
                default: true,
                description:
                    "Report traffic and mirrorTraffic entries that name no OnlineDeployment of the endpoint in this stack (turn off when deployments live in another stack).",
            },
        },
    },
    remediationSteps:
        "Make properties.traffic percentages sum to 100 over the endpoint's deployments, and keep each mirrorTraffic value at or below 50.",
    check: (stack, config) => {
        const findings: Finding[] = [];
        const deployments = stack.resources.filter((r) => isKind(r, "OnlineDeployment"));
        for (const endpoint of stack.resources.filter((r) => isKind(r, "OnlineEndpoint"))) {
            const own = deployments
                .map((d) => ({ d, belongs: belongsTo(d, endpoint, stack.resources) }))
                .filter((x) => x.belongs !== false);
            // Names are unknown when a deployment's name or endpoint is: then no name is judged missing.
            const names = own.map((x) => knownString(x.d.props, "deploymentName"));
            const namesKnown = own.every((x) => x.belongs === true) && names.every((n) => n !== undefined);
            const report = (message: string) =>
                findings.push({ urn: endpoint.urn, message: `${describe(endpoint)} ${message}` });
            const checkNames = (field: string, split: Record<string, unknown>) => {
                if (!config.checkDeploymentNames || !namesKnown) return;
                const known = names.map((n) => (n as string).toLowerCase());
                const missing = Object.keys(split).filter((k) => !known.includes(k.toLowerCase()));
                if (missing.length) {
                    report(
                        `sends ${field} to ${list(missing.map((m) => `"${m}"`))}, which ${missing.length === 1 ? "is not a deployment" : "are not deployments"} of this endpoint ` +
                            `(its deployments: ${list(names.map((n) => `"${n}"`))}); Azure accepts only existing deployments. ` +
                            `Name one of its deployments, or set checkDeploymentNames to false if they live in another stack.`,
                    );
                }
            };
            const traffic = knownObject(endpoint.props, "properties.traffic");
            if (traffic && Object.keys(traffic).length && !Object.values(traffic).some(isUnknown)) {
                const sum = Object.values(traffic).reduce<number>((s, v) => s + (typeof v === "number" ? v : 0), 0);
                if (sum !== 100) {
                    report(
                        `splits properties.traffic as ${JSON.stringify(traffic)}, which sums to ${sum}; it must sum to 100. ` +
                            `Adjust the percentages so they add up to 100.`,
                    );
                }
                checkNames("traffic", traffic);
            }
            const mirror = knownObject(endpoint.props, "properties.mirrorTraffic");
            if (mirror) {
                for (const [name, pct] of Object.entries(mirror)) {
                    if (typeof pct === "number" && pct > config.maxMirrorPercent) {
                        report(
                            `mirrors ${pct}% of traffic to "${name}"; at most ${config.maxMirrorPercent}% is allowed. ` +
                                `Lower properties.mirrorTraffic["${name}"] to ${config.maxMirrorPercent} or less.`,
                        );
                    }
                }
                const known = Object.fromEntries(Object.entries(mirror).filter(([, v]) => !isUnknown(v)));
                checkNames("mirrored traffic", known);
            }
        }
        return findings;
    },
});
