/** The plan's Foundry quota table groups deployments as the policy pack's foundry-capacity-limits does. */
import { describe, expect, it } from "vitest";
import { foundryQuotaReport } from "../../plan/checks/foundryQuota";
import { evaluatePolicies } from "../../plan/checks/policy";
import { UNKNOWN, type PlannedResource } from "../../plan/run/types";
import { foundryCapacityLimits } from "../../policies/rules/foundryCapacityLimits";

const PREFIX = "urn:pulumi:dev::raw::pulumi:pulumi:Stack$azure-native:cognitiveservices:";
const ACCOUNT_URN = `${PREFIX}Account::foundry`;

function resource(kind: string, name: string, inputs: Record<string, unknown>, accountUrn?: string): PlannedResource {
    return {
        urn: `${PREFIX}${kind}::${name}`,
        type: `azure-native:cognitiveservices:${kind}`,
        name,
        custom: true,
        dependencies: accountUrn ? [accountUrn] : [],
        propertyDependencies: accountUrn ? { accountName: [accountUrn] } : {},
        inputs,
        secretInputs: [],
        options: {},
    };
}

/** An auto-named account (no accountName input) whose deployments name it by its output `account.name`. */
const resources: PlannedResource[] = [
    resource("Account", "foundry", { resourceGroupName: "rg", location: "East US 2", kind: "AIServices" }),
    ...["maverick-a", "maverick-b"].map((name) =>
        resource(
            "Deployment",
            name,
            {
                resourceGroupName: "rg",
                accountName: UNKNOWN,
                deploymentName: name,
                sku: { name: "GlobalStandard", capacity: 300 },
                properties: { model: { format: "Meta", name: "Llama-4-Maverick-17B-128E-Instruct-FP8", version: "1" } },
            },
            ACCOUNT_URN,
        ),
    ),
];

describe("the Foundry quota table", () => {
    it("finds a deployment's account by the input's dependencies when its accountName is unknown", () => {
        expect(foundryQuotaReport(resources)).toEqual({
            rows: [
                {
                    region: "eastus2",
                    model: "Llama-4-Maverick-17B-128E-Instruct-FP8",
                    sku: "GlobalStandard",
                    deployments: ["foundry/maverick-a", "foundry/maverick-b"],
                    capacity: 600,
                    tokensPerMinute: 600_000,
                    defaultQuota: 400,
                    overDefault: true,
                },
            ],
            skipped: [],
        });
    });

    it("agrees with foundry-capacity-limits on the same resources", () => {
        const violations = evaluatePolicies(resources, [], undefined, { rules: [foundryCapacityLimits] });
        expect(violations).toHaveLength(1);
        expect(violations[0].message).toContain('in region "eastus2" ask for 600 capacity units in all');
    });

    it("leaves a deployment out when the plan does not create its account", () => {
        const orphan = resources.slice(1).map((r) => ({ ...r, propertyDependencies: {} }));
        expect(foundryQuotaReport(orphan)).toEqual({
            rows: [],
            skipped: [
                { deployment: "[unknown]/maverick-a", reason: "its account's region is not in the plan" },
                { deployment: "[unknown]/maverick-b", reason: "its account's region is not in the plan" },
            ],
        });
    });
});
