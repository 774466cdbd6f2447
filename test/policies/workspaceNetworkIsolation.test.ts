import { describe, expect, it } from "vitest";
import { workspaceNetworkIsolation } from "../../policies/rules/workspaceNetworkIsolation";
import { endpoint, MISTRAL_LARGE_2411, PULUMI_UNKNOWN, verdict, workspace } from "./harness";

const RULE = workspaceNetworkIsolation;
const isolated = { publicNetworkAccess: "Disabled", managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" } };

describe("workspace-network-isolation", () => {
    it("passes an isolated hub, and a project that inherits its hub's network", () => {
        expect(
            verdict(RULE, {
                resources: [workspace("hub", isolated), workspace("proj", { kind: "Project", hubResourceId: "x" })],
            }),
        ).toEqual([]);
    });

    it("reports public access and a disabled managed network", () => {
        expect(
            verdict(RULE, {
                resources: [
                    workspace("hub", { publicNetworkAccess: "Enabled", managedNetwork: { isolationMode: "Disabled" } }),
                ],
            }),
        ).toEqual([
            'Workspace "hub" sets publicNetworkAccess to "Enabled"; it must be "Disabled". Set publicNetworkAccess: "Disabled" and reach the workspace through a private endpoint.',
            'Workspace "hub" sets managedNetwork.isolationMode to "Disabled"; allowed: AllowInternetOutbound and AllowOnlyApprovedOutbound. ' +
                'Set managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" }.',
        ]);
    });

    it("ignores other resource types", () => {
        expect(
            verdict(RULE, { resources: [endpoint("chat", MISTRAL_LARGE_2411, { publicNetworkAccess: "Enabled" })] }),
        ).toEqual([]);
    });

    it("does not judge unknown settings", () => {
        expect(
            verdict(RULE, {
                resources: [workspace("hub", { publicNetworkAccess: PULUMI_UNKNOWN, managedNetwork: "[unknown]" })],
            }),
        ).toEqual([]);
    });

    it("follows its config", () => {
        const hub = workspace("hub", {
            publicNetworkAccess: "Disabled",
            managedNetwork: { isolationMode: "AllowInternetOutbound" },
        });
        expect(verdict(RULE, { resources: [hub] })).toEqual([]);
        expect(
            verdict(RULE, { resources: [hub], config: { allowedIsolationModes: ["AllowOnlyApprovedOutbound"] } }),
        ).toEqual([
            'Workspace "hub" sets managedNetwork.isolationMode to "AllowInternetOutbound"; allowed: AllowOnlyApprovedOutbound. ' +
                'Set managedNetwork: { isolationMode: "AllowOnlyApprovedOutbound" }.',
        ]);
        expect(
            verdict(RULE, {
                resources: [workspace("open", { managedNetwork: { isolationMode: "AllowInternetOutbound" } })],
                config: { requirePublicNetworkAccessDisabled: false },
            }),
        ).toEqual([]);
    });
});
