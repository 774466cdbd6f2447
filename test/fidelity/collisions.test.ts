/**
 * Collisions: one principal listed twice (two role assignments with one name), endpoint/deployment pairs that
 * give two components one URN, and a workspace and a Foundry resource that would manage one resource group or Log
 * Analytics workspace are refused by validation with a message naming both entries; the plan itself
 * refuses a program that registers a duplicate URN or a name Azure's rule refuses, whatever produced it.
 */
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigValidationError, validateStackConfig } from "../../infra/config";
import { runPlan } from "../../plan/run/run";
import { renderText } from "../../plan/report/render";
import { renderMarkdown } from "../../plan/report/markdown";
import { diffPlans } from "../../plan/diff/diff";
import { registered, runStack } from "../helpers/stack";
import { renderDiffText } from "../../plan/diff/diffRender";

const TODAY = new Date("2026-11-21T00:00:00Z");
const FIXTURES = path.resolve(__dirname, "../fixtures/stacks");
const errorsOf = (config: Record<string, unknown>) =>
    validateStackConfig(config, { today: TODAY }).errors.map((e) => `${e.path}: ${e.message}`);
const ALICE = "6f1a2b3c-0000-4000-8000-123456789abc";

describe("collisions in the config", () => {
    it("refuses one principal listed twice, in upper and lower case", () => {
        const config = {
            workspace: {
                name: "aim",
                location: "eastus2",
                kind: "workspace",
                aiDevelopers: [{ principalId: ALICE }, { principalId: ALICE.toUpperCase(), principalType: "Group" }],
            },
        };
        expect(errorsOf(config)).toEqual([
            `azure-ai-models:workspace.aiDevelopers[1].principalId: "${ALICE.toUpperCase()}" is already listed as azure-ai-models:workspace.aiDevelopers[0].principalId ("${ALICE}"); ` +
                "principal ids are compared case-insensitively and each principal gets one Azure AI Developer role assignment: list it once",
        ]);
    });

    it("refuses one principal listed twice among the Foundry principals", () => {
        const config = {
            foundry: {
                name: "aimodels",
                location: "eastus2",
                principals: [{ principalId: ALICE }, { principalId: ALICE }],
            },
        };
        expect(errorsOf(config)).toEqual([
            `azure-ai-models:foundry.principals[1].principalId: "${ALICE}" is already listed as azure-ai-models:foundry.principals[0].principalId ("${ALICE}"); ` +
                "principal ids are compared case-insensitively and each principal gets one Foundry User role assignment: list it once",
        ]);
    });

    it("refuses endpoint mix + deployment blue-one next to endpoint mix-blue + deployment one", () => {
        const deployment = (name: string) => ({
            name,
            model: "Mistral-7B-v01",
            instanceType: "Standard_NC12s_v3",
        });
        const config = {
            workspace: { name: "aim", location: "eastus2", kind: "workspace" },
            onlineEndpoints: [
                { name: "mix", deployments: [deployment("blue-one")] },
                { name: "mix-blue", deployments: [deployment("one")] },
            ],
        };
        expect(errorsOf(config)).toEqual([
            'azure-ai-models:onlineEndpoints[1].deployments[0].name: endpoint "mix-blue" with deployment "one" and azure-ai-models:onlineEndpoints[0].deployments[0].name ' +
                '(endpoint "mix" with deployment "blue-one") both make the component "mix-blue-one": Pulumi refuses two resources with one URN; rename one of the endpoints or deployments',
        ]);
    });
});

describe("a workspace and a Foundry resource that would manage one Azure resource", () => {
    const WS = { name: "aimodels", location: "swedencentral", kind: "workspace" };
    const FOUNDRY = { name: "aimodels", location: "swedencentral" };
    const ONE_GROUP =
        "two Pulumi resources would manage one Azure resource group, and deleting either deletes the group with everything in it; " +
        "set resourceGroup.name on one of the sections to another group";
    const EXISTING =
        "create the group outside the stack and mark it existing in both sections, or use another resource group";

    it("refuses one name for both (rg-aimodels and log-aimodels twice), before anything registers", async () => {
        const config = { workspace: WS, foundry: FOUNDRY };
        const expected = [
            'azure-ai-models:foundry.name: "aimodels" makes the stack create the resource group "rg-aimodels", and so does azure-ai-models:workspace.name ("aimodels"): ' +
                `${ONE_GROUP}, or give the sections different names`,
        ];
        expect(errorsOf(config)).toEqual(expected);
        const run = await runStack(config);
        expect((run.error as ConfigValidationError).issues.map((i) => `${i.path}: ${i.message}`)).toEqual(expected);
        expect(registered(run)).toEqual([]);
        // Azure compares resource group names case-insensitively.
        expect(errorsOf({ workspace: WS, foundry: { ...FOUNDRY, name: "AIModels" } })).toEqual([
            'azure-ai-models:foundry.name: "AIModels" makes the stack create the resource group "rg-AIModels", and so does azure-ai-models:workspace.name ("aimodels"): ' +
                `${ONE_GROUP}, or give the sections different names`,
        ]);
    });

    it("refuses one resource group named in one section and derived in the other, or named in both", () => {
        expect(
            errorsOf({
                workspace: { ...WS, name: "aim", resourceGroup: { name: "rg-aimodels", existing: false } },
                foundry: FOUNDRY,
            }),
        ).toEqual([
            'azure-ai-models:foundry.name: "aimodels" makes the stack create the resource group "rg-aimodels", and so does azure-ai-models:workspace.resourceGroup.name ("rg-aimodels"): ' +
                ONE_GROUP,
        ]);
        const shared = { name: "rg-shared", existing: false };
        expect(
            errorsOf({
                workspace: { ...WS, resourceGroup: shared },
                foundry: { ...FOUNDRY, name: "aimf", resourceGroup: shared },
            }),
        ).toEqual([
            'azure-ai-models:foundry.resourceGroup.name: "rg-shared" makes the stack create the resource group "rg-shared", and so does azure-ai-models:workspace.resourceGroup.name ("rg-shared"): ' +
                ONE_GROUP,
        ]);
    });

    it("refuses a group one section creates and the other marks existing", () => {
        const existing = { name: "rg-aimodels", existing: true };
        expect(errorsOf({ workspace: WS, foundry: { ...FOUNDRY, resourceGroup: existing } })).toEqual([
            'azure-ai-models:foundry.resourceGroup.name: "rg-aimodels" is marked existing, but azure-ai-models:workspace.name ("aimodels") makes the stack create that resource group: ' +
                "nothing makes the Foundry resource wait for it on the first deployment, and removing azure-ai-models:workspace would delete the group with the Foundry resource in it; " +
                EXISTING,
        ]);
        expect(errorsOf({ workspace: { ...WS, resourceGroup: existing }, foundry: FOUNDRY })).toEqual([
            'azure-ai-models:workspace.resourceGroup.name: "rg-aimodels" is marked existing, but azure-ai-models:foundry.name ("aimodels") makes the stack create that resource group: ' +
                "nothing makes the workspace wait for it on the first deployment, and removing azure-ai-models:foundry would delete the group with the workspace in it; " +
                EXISTING,
        ]);
    });

    it("shares an existing group, unless both would name their Log Analytics workspace log-<name> in it", () => {
        const existing = { name: "rg-shared", existing: true };
        const workspace = { ...WS, resourceGroup: existing };
        expect(errorsOf({ workspace, foundry: { ...FOUNDRY, resourceGroup: existing } })).toEqual([
            'azure-ai-models:foundry.name: "aimodels" gives the Log Analytics workspace "log-aimodels" in the resource group "rg-shared", and so does azure-ai-models:workspace.name ("aimodels"): ' +
                "two Pulumi resources would manage one Azure resource; give the sections different names, or put them in different resource groups",
        ]);
        expect(errorsOf({ workspace, foundry: { ...FOUNDRY, name: "aimf", resourceGroup: existing } })).toEqual([]);
        expect(
            errorsOf({
                workspace: WS,
                foundry: { ...FOUNDRY, resourceGroup: { name: "rg-foundry", existing: false } },
            }),
        ).toEqual([]);
        expect(errorsOf({ workspace: WS, foundry: { ...FOUNDRY, name: "aimf" } })).toEqual([]);
    });
});

describe("the plan refuses what the engine or Azure would refuse", () => {
    it("a raw program that registers one URN twice", async () => {
        const plan = await runPlan({ projectDir: path.join(FIXTURES, "duplicate-urn"), stack: "test", today: TODAY });
        expect(plan.resources).toEqual([]);
        expect(plan.errors).toEqual([
            "urn:pulumi:test::raw-duplicate-urn::pulumi:pulumi:Stack$azure-native:resources:ResourceGroup::rg: the program registers this URN more than once; " +
                "the Pulumi engine refuses a duplicate resource URN (give each resource a unique name)",
        ]);
    });

    it("a raw program whose Log Analytics workspace name has an underscore", async () => {
        const plan = await runPlan({ projectDir: path.join(FIXTURES, "bad-name"), stack: "test", today: TODAY });
        expect(plan.resources).toEqual([]);
        expect(plan.errors).toEqual([
            `urn:pulumi:test::raw-bad-name::pulumi:pulumi:Stack$azure-native:operationalinsights:Workspace::logs: the Log Analytics workspace name "log-my_ws" breaks Azure's rule: ` +
                "4-63 characters: letters, digits and '-', starting and ending with a letter or digit (unique in the resource group)",
        ]);
    });

    it("says the plan was refused, not that the stack config is invalid, in every report", async () => {
        const plan = await runPlan({ projectDir: path.join(FIXTURES, "duplicate-urn"), stack: "test", today: TODAY });
        expect(plan.errorKind).toBe("refused");
        expect(renderText(plan).split("\n")[2]).toBe(
            "Refused by Pulumi or Azure: 1 problem. Nothing would be deployed.",
        );
        const markdown = renderMarkdown(plan);
        expect(markdown).toContain(
            "**❌ Refused by Pulumi or Azure: 1 problem.** Nothing would be deployed · 0 warnings",
        );
        expect(markdown).toContain("\n### Refused by Pulumi or Azure\n");
        expect(markdown).not.toContain("Invalid stack config");
        const base = { ...plan, errors: [], errorKind: undefined };
        const diff = diffPlans(base, plan);
        expect(diff.notes).toEqual([
            "This change's plan would be refused by Pulumi or Azure (1 problem): no resources to compare.",
        ]);
        expect(renderDiffText(diff).split("\n")[2]).toBe(
            "This change's plan would be refused by Pulumi or Azure: 1 problem. Nothing would be deployed.",
        );
    });
});

describe("components refuse collisions too, with the config's message", () => {
    const SAME = "principal ids are compared case-insensitively and each principal gets one";

    it("AiWorkspace refuses one principal listed twice, in upper and lower case", async () => {
        const { captureProgram } = await import("../../plan/run/capture");
        const { AiWorkspace } = await import("../../infra/components");
        const run = await captureProgram(
            () =>
                new AiWorkspace("w", {
                    workspaceName: "aim",
                    location: "eastus2",
                    aiDevelopers: [{ principalId: ALICE }, { principalId: ALICE.toUpperCase() }],
                }),
            { project: "p", stack: "s" },
        );
        expect((run.error as Error).message).toBe(
            `AiWorkspace w: invalid arguments:\naiDevelopers[1].principalId: "${ALICE.toUpperCase()}" is already listed as aiDevelopers[0].principalId ("${ALICE}"); ` +
                `${SAME} Azure AI Developer role assignment: list it once`,
        );
        expect(registered(run)).toEqual([]);
    });

    it("FoundryAccount refuses one principal listed twice, as is and in another case, registering nothing", async () => {
        const { captureProgram } = await import("../../plan/run/capture");
        const { FoundryAccount } = await import("../../infra/components");
        const run = await captureProgram(
            () =>
                new FoundryAccount("f", {
                    accountName: "aimf",
                    location: "swedencentral",
                    foundryUsers: [
                        { principalId: ALICE },
                        { principalId: ALICE, principalType: "Group" },
                        { principalId: ALICE.toUpperCase() },
                    ],
                }),
            { project: "p", stack: "s" },
        );
        expect((run.error as Error).message).toBe(
            [
                "FoundryAccount f: invalid arguments:",
                `foundryUsers[1].principalId: "${ALICE}" is already listed as foundryUsers[0].principalId ("${ALICE}"); ${SAME} Foundry User role assignment: list it once`,
                `foundryUsers[2].principalId: "${ALICE.toUpperCase()}" is already listed as foundryUsers[0].principalId ("${ALICE}"); ${SAME} Foundry User role assignment: list it once`,
            ].join("\n"),
        );
        expect(run.resources.filter((r) => r.type !== "pulumi:pulumi:Stack")).toEqual([]);
    });

    it("the stack config gives the same reason for foundry.principals", () => {
        const config = {
            foundry: {
                name: "aimodels",
                location: "swedencentral",
                principals: [{ principalId: ALICE }, { principalId: ALICE.toUpperCase() }],
            },
        };
        expect(errorsOf(config)).toEqual([
            `azure-ai-models:foundry.principals[1].principalId: "${ALICE.toUpperCase()}" is already listed as azure-ai-models:foundry.principals[0].principalId ("${ALICE}"); ` +
                `${SAME} Foundry User role assignment: list it once`,
        ]);
    });
});
