import { describe, expect, it } from "vitest";
import { modelAvailableInRegion } from "../../policies/rules/modelAvailableInRegion";
import { endpoint, JAMBA_MINI, MISTRAL_LARGE_2411, PULUMI_UNKNOWN, res, verdict, workspace } from "./harness";

const RULE = modelAvailableInRegion;
const US_REGIONS = "eastus, eastus2, northcentralus, southcentralus, westus and westus3";
const SOURCE =
    "(MS docs region-availability-maas.md (serverless API region availability, 2024-2026 versions), 2026-11-21)";

describe("model-available-in-region", () => {
    it("passes a model sold in its workspace's region", () => {
        expect(
            verdict(RULE, {
                resources: [workspace("hub", { location: "swedencentral" }), endpoint("chat", MISTRAL_LARGE_2411)],
            }),
        ).toEqual([]);
    });

    it("reports a model not sold in its workspace's region", () => {
        const resources = [workspace("hub", { location: "Sweden Central" }), endpoint("jamba", JAMBA_MINI)];
        expect(verdict(RULE, { resources })).toEqual([
            `ServerlessEndpoint "jamba" deploys AI21 Jamba 1.5 Mini (${JAMBA_MINI}) in region "Sweden Central" (from Workspace "hub"), ` +
                `but its serverless offer is sold only in ${US_REGIONS} ${SOURCE}. ` +
                'Deploy it into a workspace or hub in one of those regions, or choose a model offered in "Sweden Central".',
        ]);
    });

    it("uses a project's hub region, found through hubResourceId", () => {
        const hub = workspace("hub", { location: "swedencentral" });
        const project = workspace("proj", { kind: "Project", location: "eastus2", hubResourceId: PULUMI_UNKNOWN });
        project.propertyDependencies = { hubResourceId: [hub.urn] };
        const byArmId = workspace("proj2", {
            kind: "Project",
            location: "eastus2",
            hubResourceId:
                "/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.MachineLearningServices/workspaces/hub",
        });
        const resources = [
            hub,
            project,
            byArmId,
            endpoint("a", JAMBA_MINI, { workspaceName: "proj" }),
            endpoint("b", JAMBA_MINI, { workspaceName: "proj2" }),
        ];
        const messages = verdict(RULE, { resources });
        expect(messages).toHaveLength(2);
        expect(messages[0]).toContain('in region "swedencentral" (from its hub Workspace "hub")');
    });

    it("falls back to the project's own location, then the endpoint's, when no hub or workspace is in the stack", () => {
        const project = workspace("proj", { kind: "Project", location: "swedencentral" });
        const resources = [
            project,
            endpoint("a", JAMBA_MINI, { workspaceName: "proj" }),
            endpoint("b", JAMBA_MINI, { workspaceName: "elsewhere", location: "swedencentral" }),
        ];
        const messages = verdict(RULE, { resources });
        expect(messages).toHaveLength(2);
        expect(messages[1]).toContain('in region "swedencentral" (from its own location input)');
    });

    it("does not judge unknown regions, models outside the catalog, or other types", () => {
        const resources = [
            workspace("hub", { location: PULUMI_UNKNOWN }),
            endpoint("jamba", JAMBA_MINI),
            endpoint("custom", "azureml://registries/azureml-cohere/models/Cohere-command-r", {
                workspaceName: "hub2",
            }),
            workspace("hub2", { location: "westeurope" }),
            res("azure-native:storage:StorageAccount", "s", { location: "westeurope" }),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("follows its additionalRegions config", () => {
        const resources = [workspace("hub", { location: "swedencentral" }), endpoint("jamba", JAMBA_MINI)];
        expect(
            verdict(RULE, { resources, config: { additionalRegions: { "AI21-Jamba-1.5-Mini": ["Sweden Central"] } } }),
        ).toEqual([]);
    });
});
