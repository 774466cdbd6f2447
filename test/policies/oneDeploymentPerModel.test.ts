import { describe, expect, it } from "vitest";
import { oneDeploymentPerModel } from "../../policies/rules/oneDeploymentPerModel";
import {
    deployment,
    endpoint,
    JAMBA_MINI,
    MISTRAL_LARGE_2411,
    MIXTRAL_MANAGED,
    PULUMI_UNKNOWN,
    RG,
    res,
    stackResource,
    urnOf,
    verdict,
    workspace,
} from "./harness";

const RULE = oneDeploymentPerModel;

describe("one-deployment-per-model", () => {
    it("passes one endpoint per model per workspace, and the same model in two workspaces", () => {
        const resources = [
            stackResource(),
            workspace("hub"),
            workspace("hub2"),
            endpoint("chat", MISTRAL_LARGE_2411),
            endpoint("jamba", JAMBA_MINI),
            endpoint("chat2", MISTRAL_LARGE_2411, { workspaceName: "hub2" }),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("reports the second endpoint for the same model in one workspace", () => {
        const resources = [
            workspace("hub"),
            endpoint("chat", MISTRAL_LARGE_2411),
            endpoint("chat-b", MISTRAL_LARGE_2411.toLowerCase()),
        ];
        expect(verdict(RULE, { resources })).toEqual([
            `ServerlessEndpoint "chat-b" deploys ${MISTRAL_LARGE_2411.toLowerCase()} in workspace "hub" (resource group "${RG}"), ` +
                'which ServerlessEndpoint "chat" already deploys: Azure allows one serverless deployment per model per workspace or project, ' +
                "so the second one fails. Remove one of them, or deploy the model in another workspace or project.",
        ]);
    });

    it("matches the workspace through input dependencies when its name is unknown during preview", () => {
        const hub = workspace("hub");
        const viaDeps = { propertyDependencies: { workspaceName: [hub.urn] } };
        const resources = [
            hub,
            endpoint("a", MISTRAL_LARGE_2411, { workspaceName: PULUMI_UNKNOWN }, viaDeps),
            endpoint("b", MISTRAL_LARGE_2411, { workspaceName: "[unknown]" }, viaDeps),
        ];
        expect(verdict(RULE, { resources })).toHaveLength(1);
    });

    it("does not judge endpoints whose model or workspace is unknown", () => {
        const resources = [
            endpoint("a", MISTRAL_LARGE_2411),
            endpoint("b", PULUMI_UNKNOWN),
            endpoint("c", MISTRAL_LARGE_2411, { workspaceName: PULUMI_UNKNOWN }),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("ignores other resource types, and managed deployments by default", () => {
        const resources = [
            deployment("blue", {}),
            deployment("green", {}),
            res("azure-native:storage:StorageAccount", "s", { location: "eastus" }),
        ];
        expect(verdict(RULE, { resources })).toEqual([]);
    });

    it("extends to managed deployments (any version) with includeManagedDeployments", () => {
        const resources = [
            deployment("blue", {}),
            deployment("green", { model: MIXTRAL_MANAGED.replace(/11$/, "10") }),
        ];
        const model = MIXTRAL_MANAGED.replace(/\/versions\/11$/, "");
        expect(verdict(RULE, { resources, config: { includeManagedDeployments: true } })).toEqual([
            `OnlineDeployment "green" deploys ${model} in workspace "hub" (resource group "${RG}"), ` +
                'which OnlineDeployment "blue" already deploys (one-deployment-per-model includeManagedDeployments is on). ' +
                "Remove one of them, or set includeManagedDeployments to false.",
        ]);
        expect(urnOf(resources[1].type, "green")).toBe(resources[1].urn);
    });

    it("reads inputs from the engine's outputs when none were captured", () => {
        const resources = [endpoint("chat", MISTRAL_LARGE_2411), endpoint("chat-b", MISTRAL_LARGE_2411)];
        expect(verdict(RULE, { resources, stackProps: "inputs" })).toHaveLength(1);
    });
});
