/**
 * The plan diff's rules on hand-made plans: the replacement table, the resource options the plan records
 * (`replaceOnChanges`, `ignoreChanges`, `deleteBeforeReplace`), unknown values, secrets, and invalid plans.
 */
import { describe, expect, it } from "vitest";
import { diffPlans, valueChanges, type DiffablePlan } from "../../plan/diff/diff";
import { gateBlocks, renderDiffText } from "../../plan/diff/diffRender";
import { REPLACEMENT_RULES, ruleFor } from "../../plan/diff/replacements";
import { UNKNOWN, type PlannedResource } from "../../plan/run/types";
import { plannedResource } from "../helpers/planned";

const resource = plannedResource;

function plan(resources: PlannedResource[], extra: Partial<DiffablePlan> = {}): DiffablePlan {
    return {
        project: "azure-ai-models",
        stack: "dev",
        today: "2026-11-21",
        resources,
        outputs: [],
        warnings: [],
        errors: [],
        ...extra,
    };
}

const TRAFFIC = "pulumi-nodejs:dynamic:Resource";
const traffic = (inputs: Record<string, unknown>) =>
    resource(TRAFFIC, "chat-online-traffic", {
        subscriptionId: "sub",
        resourceGroupName: "rg",
        workspaceName: "chat",
        endpointName: "ep-abc",
        ...inputs,
    });

describe("the replacement table", () => {
    it("names a source for every rule", () => {
        for (const [type, rules] of Object.entries(REPLACEMENT_RULES)) {
            for (const r of rules) {
                expect(r.reason, `${type} ${r.path}`).not.toBe("");
                expect(r.source, `${type} ${r.path}`).not.toBe("");
            }
        }
    });

    it("matches a changed path at, below or above the rule's path", () => {
        const type = "azure-native:machinelearningservices:ServerlessEndpoint";
        expect(ruleFor(type, {}, "properties.modelSettings.modelId")?.path).toBe("properties.modelSettings.modelId");
        expect(ruleFor(type, {}, "properties.modelSettings")?.path).toBe("properties.modelSettings.modelId");
        expect(ruleFor(type, {}, "properties.contentSafety.contentSafetyStatus")).toBeUndefined();
        expect(ruleFor(type, {}, "tags.owner")).toBeUndefined();
        expect(ruleFor("random:index/randomString:RandomString", {}, "length")?.path).toBe("*");
    });
});

describe("diffPlans", () => {
    it("updates a traffic split in place, and replaces it when it moves to another endpoint (a dynamic resource)", () => {
        const before = plan([traffic({ traffic: { blue: 100 } })]);
        const update = diffPlans(before, plan([traffic({ traffic: { blue: 50, green: 50 } })]));
        expect(
            update.resources.map((r) => [
                r.action,
                r.uncertain,
                r.changes.map((c) => `${c.path}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`),
            ]),
        ).toEqual([["update", false, ["traffic.blue: 100 -> 50", "traffic.green: undefined -> 50"]]]);
        const moved = diffPlans(before, plan([traffic({ traffic: { blue: 100 }, endpointName: "ep-xyz" })]));
        expect(moved.resources[0]).toMatchObject({ action: "replace", uncertain: false });
        expect(moved.resources[0].changes[0].replaces).toBe("the traffic split belongs to one endpoint");
        // Not a kind a reviewer must be stopped for.
        expect(moved.destructive).toEqual([]);
    });

    it("honours replaceOnChanges, ignoreChanges and deleteBeforeReplace as the plan recorded them", () => {
        const type = "azure-native:machinelearningservices:OnlineEndpoint";
        const ep = (props: Record<string, unknown>, tags: Record<string, string>) =>
            resource(
                type,
                "ep",
                { endpointName: "ep-abc", location: "eastus2", workspaceName: "chat", properties: props, tags },
                {
                    options: {
                        ignoreChanges: ["properties.traffic"],
                        replaceOnChanges: ["properties.authMode"],
                        deleteBeforeReplace: true,
                    },
                },
            );
        const same = diffPlans(
            plan([ep({ authMode: "AADToken", traffic: { a: 100 } }, {})]),
            plan([ep({ authMode: "AADToken", traffic: { b: 100 } }, {})]),
        );
        expect(same.resources).toEqual([]);
        const d = diffPlans(
            plan([ep({ authMode: "AADToken" }, { a: "1" })]),
            plan([ep({ authMode: "Key" }, { a: "2" })]),
        );
        expect(d.resources[0]).toMatchObject({ action: "replace", deleteBeforeReplace: true });
        expect(d.resources[0].changes.map((c) => [c.path, c.replaces ?? null])).toEqual([
            ["properties.authMode", "replaceOnChanges: properties.authMode"],
            ["tags.a", null],
        ]);
        expect(d.destructive.map((x) => x.message)).toEqual([
            'online endpoint ep-abc (ep) is replaced (properties.authMode changes from "AADToken" to "Key": replaceOnChanges: properties.authMode): same URL https://ep-abc.eastus2.inference.ml.azure.com/score, new keys, and it answers nothing between the delete and the create',
        ]);
    });

    it("calls a change to or from [unknown] a may-change, and does not compare dynamic provider code", () => {
        const type = "azure-native:machinelearningservices:Workspace";
        const ws = (hub: unknown, provider: string) =>
            resource(type, "proj", {
                workspaceName: "proj-abc",
                kind: "Project",
                hubResourceId: hub,
                __provider: provider,
            });
        const d = diffPlans(plan([ws("/subscriptions/s/hub", "code v1")]), plan([ws(UNKNOWN, "code v2")]));
        expect(d.resources[0]).toMatchObject({ action: "replace", uncertain: true });
        expect(d.resources[0].changes).toEqual([
            expect.objectContaining({
                path: "hubResourceId",
                uncertain: true,
                replaces: "a project cannot move to another hub",
            }),
        ]);
        expect(renderDiffText(d).split("\n")).toContain(
            "  ?+- may be replaced machinelearningservices:Workspace  proj  (proj-abc; create first with the same Azure name: needs deleteBeforeReplace (pulumi/pulumi-azure#182))",
        );
        expect(d.destructive[0].message).toBe(
            "project proj-abc (proj) may be replaced (hubResourceId may change: a project cannot move to another hub): its endpoints and subscriptions go with it, and the soft-deleted name blocks reuse",
        );
    });

    it("says secret inputs cannot be compared, and compares components and the stack not at all", () => {
        const secretRg = (tag: string) =>
            resource(
                "azure-native:resources:ResourceGroup",
                "rg",
                { resourceGroupName: "rg-x", location: "eastus2", tags: { owner: tag } },
                { secretInputs: ["tags"] },
            );
        const component = (name: string) => ({
            ...resource("azure-ai-models:index:AiWorkspace", name, {}),
            custom: false,
        });
        const d = diffPlans(plan([secretRg("[secret]"), component("a")]), plan([secretRg("[secret]"), component("b")]));
        expect(d.resources).toEqual([]);
        expect(d.notes).toEqual([
            "1 resource has secret inputs; plans mask them, so a change of a secret value does not show here.",
        ]);
    });

    it("never prints a resource's Azure name when the program made it secret", () => {
        // What `npm run plan -- --json` writes keeps the clear value in `inputs` and lists the key as secret.
        const rg = (name: string) =>
            resource(
                "azure-native:resources:ResourceGroup",
                "rg",
                { resourceGroupName: name, location: "eastus2" },
                { secretInputs: ["resourceGroupName"] },
            );
        const d = diffPlans(plan([]), plan([rg("rg-hidden-name")]));
        expect(d.resources.map((c) => [c.action, c.azureName])).toEqual([["create", "[secret]"]]);
        expect(renderDiffText(d)).not.toContain("rg-hidden-name");
    });

    it("does not read an invalid plan as a deletion of everything", () => {
        const rg = resource("azure-native:resources:ResourceGroup", "rg", {
            resourceGroupName: "rg-x",
            location: "eastus2",
        });
        const invalid = diffPlans(plan([rg]), plan([], { errors: ["azure-ai-models:workspace.name: required"] }));
        expect(invalid.resources).toEqual([]);
        expect(invalid.destructive).toEqual([]);
        expect(invalid.notes).toEqual(["This change's stack config is invalid (1 problem): no resources to compare."]);
        expect(renderDiffText(invalid).split("\n").slice(1)).toEqual([
            "",
            "This change's stack config is invalid: 1 problem. Nothing would be deployed.",
            "  - azure-ai-models:workspace.name: required",
        ]);
        const fromInvalid = diffPlans(plan([], { errors: ["x"] }), plan([rg]));
        expect(fromInvalid.counts.create).toBe(1);
        expect(fromInvalid.notes).toEqual([
            "The base's stack config is invalid (1 problem): it has no resources, so everything shows as created.",
        ]);
    });

    it("gates on destructive changes unless they are acknowledged", () => {
        const rg = resource("azure-native:resources:ResourceGroup", "rg", {
            resourceGroupName: "rg-x",
            location: "eastus2",
        });
        const d = diffPlans(plan([rg]), plan([]));
        expect(d.destructive.map((x) => x.message)).toEqual([
            "resource group rg-x (rg) is deleted: Azure deletes everything in it",
        ]);
        expect(gateBlocks(d, { enabled: false, allowed: false })).toBe(false);
        expect(gateBlocks(d, { enabled: true, allowed: false })).toBe(true);
        expect(gateBlocks(d, { enabled: true, allowed: true })).toBe(false);
    });

    it("writes an endpoint's region into its URL as Azure does, whatever the spelling of its location", () => {
        const type = "azure-native:machinelearningservices:ServerlessEndpoint";
        const spellings = ["Sweden Central", "sweden_central", "sweden-central", "swedencentral"];
        for (const location of spellings) {
            const d = diffPlans(plan([resource(type, "chat", { name: "chat-abc", location })]), plan([]));
            expect(d.destructive.map((x) => x.url)).toEqual([
                { before: "https://chat-abc.swedencentral.models.ai.azure.com" },
            ]);
        }
    });

    it("lists value changes by path, whole subtrees when one side lacks them", () => {
        expect(valueChanges({ a: { b: 1, c: [1] }, d: 1 }, { a: { b: 2, c: [1, 2] }, e: { f: 1 } })).toEqual([
            { path: "a.b", before: 1, after: 2 },
            { path: "a.c", before: [1], after: [1, 2] },
            { path: "e", after: { f: 1 } },
            { path: "d", before: 1 },
        ]);
    });
});
