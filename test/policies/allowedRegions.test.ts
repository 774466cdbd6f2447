import { describe, expect, it } from "vitest";
import { allowedRegions } from "../../policies/rules/allowedRegions";
import { PULUMI_UNKNOWN, res, stackResource, verdict, viaPlan, workspace } from "./harness";

const RULE = allowedRegions;

describe("allowed-regions", () => {
    it("passes resources in a serverless region, display names included", () => {
        expect(
            verdict(RULE, {
                resources: [
                    workspace("hub"),
                    workspace("hub2", { location: "East US 2" }),
                    workspace("hub3", { location: "Sweden Central" }),
                ],
            }),
        ).toEqual([]);
    });

    it("reports a resource outside the allowed regions", () => {
        expect(verdict(RULE, { resources: [workspace("hub", { location: "westeurope" })] })).toEqual([
            'Workspace "hub" is in region "westeurope", which is not allowed. ' +
                "Allowed regions: eastus, eastus2, northcentralus, southcentralus, westus, westus3 and swedencentral. " +
                'Set its location to one of them, or add "westeurope" to the allowed-regions config (allowedRegions).',
        ]);
    });

    it("judges any resource type with a location, and ignores those without one", () => {
        const storage = res("azure-native:storage:StorageAccount", "data", {
            resourceGroupName: "rg",
            location: "West Europe",
        });
        const vault = res("azure-native:keyvault:Vault", "kv", { resourceGroupName: "rg" });
        expect(verdict(RULE, { resources: [storage, vault, stackResource()] })).toEqual([
            'azure-native:storage:StorageAccount "data" is in region "West Europe", which is not allowed. ' +
                "Allowed regions: eastus, eastus2, northcentralus, southcentralus, westus, westus3 and swedencentral. " +
                'Set its location to one of them, or add "westeurope" to the allowed-regions config (allowedRegions).',
        ]);
    });

    it("ignores providers and the global location", () => {
        const provider = res("pulumi:providers:azure-native", "default", { location: "westeurope" });
        const dns = res("azure-native:network:DnsZone", "zone", { location: "global" });
        expect(verdict(RULE, { resources: [provider, dns] })).toEqual([]);
    });

    it("ignores components in the plan (in the CLI a local component registers no inputs)", () => {
        const component = res(
            "azure-ai-models:index:ServerlessModelEndpoint",
            "chat",
            { location: "westeurope" },
            { custom: false },
        );
        expect(viaPlan(RULE, { resources: [component] })).toEqual([]);
    });

    it("does not judge a location unknown during preview", () => {
        expect(
            verdict(RULE, {
                resources: [workspace("a", { location: PULUMI_UNKNOWN }), workspace("b", { location: "[unknown]" })],
            }),
        ).toEqual([]);
    });

    it("follows its allowedRegions config", () => {
        const resources = [workspace("hub", { location: "westeurope" }), workspace("us", { location: "eastus2" })];
        const config = { allowedRegions: ["West Europe"] };
        expect(verdict(RULE, { resources, config })).toEqual([
            'Workspace "us" is in region "eastus2", which is not allowed. Allowed regions: westeurope. ' +
                'Set its location to one of them, or add "eastus2" to the allowed-regions config (allowedRegions).',
        ]);
    });

    it("defaults to the catalog's serverless regions", () => {
        expect(RULE.config().allowedRegions).toEqual([
            "eastus",
            "eastus2",
            "northcentralus",
            "southcentralus",
            "westus",
            "westus3",
            "swedencentral",
        ]);
        expect(RULE.enforcementLevel).toBe("mandatory");
    });
});
