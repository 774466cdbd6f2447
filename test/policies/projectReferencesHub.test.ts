import { describe, expect, it } from "vitest";
import { projectReferencesHub } from "../../policies/rules/projectReferencesHub";
import { endpoint, MISTRAL_LARGE_2411, PULUMI_UNKNOWN, verdict, workspace } from "./harness";

const RULE = projectReferencesHub;
const HUB_ID = "/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.MachineLearningServices/workspaces/hub";

describe("project-references-hub", () => {
    it("passes a project with a hub, and workspaces that are not projects", () => {
        expect(
            verdict(RULE, {
                resources: [
                    workspace("hub"),
                    workspace("proj", { kind: "Project", hubResourceId: HUB_ID }),
                    workspace("classic", { kind: "Default" }),
                ],
            }),
        ).toEqual([]);
    });

    it("reports a project without hubResourceId", () => {
        expect(verdict(RULE, { resources: [workspace("proj", { kind: "project" })] })).toEqual([
            'Workspace "proj" is a project (kind "Project") but sets no hubResourceId. Set hubResourceId to the id of its hub workspace (kind "Hub"), e.g. hubResourceId: hub.id.',
        ]);
    });

    it("ignores other resource types", () => {
        expect(verdict(RULE, { resources: [endpoint("chat", MISTRAL_LARGE_2411, { kind: "Project" })] })).toEqual([]);
    });

    it("does not judge a hub id unknown during preview, or an unknown kind", () => {
        expect(
            verdict(RULE, {
                resources: [
                    workspace("a", { kind: "Project", hubResourceId: PULUMI_UNKNOWN }),
                    workspace("b", { kind: "[unknown]" }),
                ],
            }),
        ).toEqual([]);
    });

    it("has no config, and rejects any", () => {
        expect(RULE.configSchema.properties).toEqual({});
        expect(() => RULE.config({ hubs: [] })).toThrow(
            "project-references-hub.hubs: unknown config key Known keys: (none)",
        );
    });
});
