/**
 * Rule 10b (advisory): an online endpoint's traffic split is valid, by the one rule config validation and the
 * EndpointTraffic provider also use (`infra/catalog/traffic.ts`): `properties.traffic` is integers over the endpoint's
 * own deployments that add up to 100 (or route nothing); `properties.mirrorTraffic` adds up to at most 50 (or the
 * configured maximum) and never goes to a deployment with live traffic. Traffic can only name deployments that
 * already exist, so it is usually set in an update after the deployments are created.
 */
import { MAX_MIRROR_PERCENT, trafficProblems } from "../../infra/catalog/traffic";
import { describe, isKind } from "../lib/azure";
import { defineStackRule, type Finding } from "../lib/rule";
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
        "An online endpoint's traffic sums to 100 (or routes nothing) over its own deployments; mirrored traffic adds up to at most 50% and never goes to a deployment with live traffic.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            maxMirrorPercent: {
                type: "integer",
                minimum: 0,
                maximum: 50,
                default: MAX_MIRROR_PERCENT,
                description: "Most of the requests mirrored, summed over deployments (Azure allows at most 50).",
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
        "Make properties.traffic percentages sum to 100 over the endpoint's own deployments, keep mirrorTraffic at or below 50 in total, and mirror only to deployments with no live traffic.",
    check: (stack, config) => {
        const findings: Finding[] = [];
        const deployments = stack.resources.filter((r) => isKind(r, "OnlineDeployment"));
        for (const endpoint of stack.resources.filter((r) => isKind(r, "OnlineEndpoint"))) {
            const traffic = knownObject(endpoint.props, "properties.traffic");
            const mirror = knownObject(endpoint.props, "properties.mirrorTraffic");
            // A split with a value only Azure knows yet cannot be judged during a preview.
            if ([traffic, mirror].some((m) => m && Object.values(m).some(isUnknown))) continue;
            if (!traffic && !mirror) continue;
            const names = config.checkDeploymentNames
                ? deploymentNames(endpoint, deployments, stack.resources)
                : undefined;
            const problems = trafficProblems(
                { traffic: traffic ?? {}, mirrorTraffic: mirror },
                { deployments: names, maxMirrorPercent: config.maxMirrorPercent },
            );
            for (const p of problems) {
                findings.push({
                    urn: endpoint.urn,
                    message:
                        `${describe(endpoint)} properties.${p.property}: ${p.reason}.` +
                        (p.reason.includes("no deployment of this endpoint")
                            ? " Set checkDeploymentNames to false if its deployments live in another stack."
                            : ""),
                });
            }
        }
        return findings;
    },
});

/**
 * The names of an endpoint's deployments in this stack, or undefined when a name or an endpoint is unknown (then no
 * name is judged missing).
 */
function deploymentNames(
    endpoint: ResourceView,
    deployments: readonly ResourceView[],
    all: readonly ResourceView[],
): string[] | undefined {
    const own = deployments
        .map((d) => ({ d, belongs: belongsTo(d, endpoint, all) }))
        .filter((x) => x.belongs !== false);
    const names = own.map((x) => knownString(x.d.props, "deploymentName"));
    return own.every((x) => x.belongs === true) && names.every((n) => n !== undefined)
        ? (names as string[])
        : undefined;
}
