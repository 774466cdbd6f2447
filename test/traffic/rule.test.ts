/**
 * One traffic rule, three callers: config validation, the EndpointTraffic provider's `check` and the policy
 * `online-endpoint-traffic` all call `trafficProblems` (infra/catalog/traffic.ts). This table runs each case through
 * all three and expects the same verdict: which property is at fault, or none.
 */
import { describe, expect, it } from "vitest";
import { trafficProblems } from "../../infra/catalog/traffic";
import { endpointTrafficProvider } from "../../infra/components/endpointTraffic";
import { validateStackConfig } from "../../infra/config";
import { onlineEndpointTraffic } from "../../policies/rules/onlineEndpointTraffic";
import { MANAGED_BASE } from "../config/managedCases";
import { deployment, res, RG, verdict } from "../policies/harness";

interface Case {
    name: string;
    traffic: Record<string, unknown>;
    mirrorTraffic?: Record<string, unknown>;
    /** The properties at fault, as `trafficProblems` names them; empty when the split is valid. */
    faults: string[];
}

/** The endpoint's deployments in every case. */
const DEPLOYMENTS = ["blue", "green"];

const CASES: Case[] = [
    { name: "all to one deployment", traffic: { blue: 100 }, faults: [] },
    { name: "a 90/10 split", traffic: { blue: 90, green: 10 }, faults: [] },
    { name: "names compare case-insensitively", traffic: { Blue: 100 }, faults: [] },
    { name: "all 0: routes nothing", traffic: { blue: 0, green: 0 }, faults: [] },
    {
        name: "mirror 50 to a dark deployment",
        traffic: { blue: 100, green: 0 },
        mirrorTraffic: { green: 50 },
        faults: [],
    },
    { name: "a sum of 90", traffic: { blue: 80, green: 10 }, faults: ["traffic"] },
    { name: "a sum of 110", traffic: { blue: 100, green: 10 }, faults: ["traffic"] },
    { name: "a name that is no deployment", traffic: { blue: 90, gren: 10 }, faults: ['traffic["gren"]'] },
    { name: "a fraction", traffic: { blue: 99.5, green: 0.5 }, faults: ['traffic["blue"]', 'traffic["green"]'] },
    {
        name: "a negative percentage",
        traffic: { blue: 101, green: -1 },
        faults: ['traffic["blue"]', 'traffic["green"]'],
    },
    {
        name: "mirror over 50 in total",
        traffic: { blue: 100, green: 0 },
        mirrorTraffic: { green: 51 },
        faults: ["mirrorTraffic"],
    },
    {
        name: "mirror to a deployment with live traffic",
        traffic: { blue: 90, green: 10 },
        mirrorTraffic: { green: 10 },
        faults: ['mirrorTraffic["green"]'],
    },
    {
        name: "mirror to no deployment",
        traffic: { blue: 100, green: 0 },
        mirrorTraffic: { red: 10 },
        faults: ['mirrorTraffic["red"]'],
    },
];

/** Config path suffix -> the property name trafficProblems gives (`traffic.gren` -> `traffic["gren"]`). */
function propertyOfConfigPath(path: string): string {
    const m = /onlineEndpoints\[0\]\.(traffic|mirrorTraffic)(?:\.(.+))?$/.exec(path);
    if (!m) return `(not a traffic path: ${path})`;
    return m[2] === undefined ? m[1] : `${m[1]}[${JSON.stringify(m[2])}]`;
}

function viaConfig(c: Case): string[] {
    const endpoint = {
        ...MANAGED_BASE.onlineEndpoints[0],
        deployments: DEPLOYMENTS.map((name) => ({ ...MANAGED_BASE.onlineEndpoints[0].deployments[0], name })),
        traffic: c.traffic,
        ...(c.mirrorTraffic ? { mirrorTraffic: c.mirrorTraffic } : {}),
    };
    const r = validateStackConfig(
        { workspace: MANAGED_BASE.workspace, onlineEndpoints: [endpoint] },
        { today: new Date("2026-11-21T00:00:00Z") },
    );
    // The schema also bounds each percentage; a fault reported twice for one property counts once.
    return [...new Set(r.errors.map((e) => propertyOfConfigPath(e.path)))];
}

async function viaProvider(c: Case): Promise<string[]> {
    const check = endpointTrafficProvider({}).check!;
    const inputs = {
        subscriptionId: "00000000-1111-2222-3333-444444444444",
        resourceGroupName: "rg",
        workspaceName: "ws",
        endpointName: "ep",
        traffic: c.traffic,
        ...(c.mirrorTraffic ? { mirrorTraffic: c.mirrorTraffic } : {}),
    };
    // The provider cannot know the deployments (Azure checks the names): it judges everything else.
    const { failures } = await check({} as never, inputs as never);
    return (failures ?? []).map((f) => f.property);
}

function viaPolicy(c: Case): string[] {
    const resources = [
        res("OnlineEndpoint", "ep", {
            resourceGroupName: RG,
            workspaceName: "hub",
            endpointName: "ep",
            location: "eastus2",
            properties: { authMode: "AADToken", traffic: c.traffic, mirrorTraffic: c.mirrorTraffic },
        }),
        ...DEPLOYMENTS.map((d) => deployment(d, {}, { endpointName: "ep" })),
    ];
    return verdict(onlineEndpointTraffic, { resources }).map(
        (m) => /^OnlineEndpoint "ep" properties\.([^:]+):/.exec(m)?.[1] ?? m,
    );
}

/** Faults about deployment names, which only callers that know the deployments can judge. */
const isNameFault = (c: Case, property: string) =>
    /\["(.+)"\]$/.test(property) &&
    !DEPLOYMENTS.includes(/\["(.+)"\]$/.exec(property)![1].toLowerCase()) &&
    trafficProblems(c, {}).every((p) => p.property !== property);

describe("one traffic rule for config, provider and policy", () => {
    it.each(CASES)("$name", async (c) => {
        const expected = [...c.faults].sort();
        expect(
            trafficProblems(c, { deployments: DEPLOYMENTS })
                .map((p) => p.property)
                .sort(),
        ).toEqual(expected);
        expect(viaConfig(c).sort()).toEqual(expected);
        expect(viaPolicy(c).sort()).toEqual(expected);
        expect((await viaProvider(c)).sort()).toEqual(expected.filter((p) => !isNameFault(c, p)));
    });
});
