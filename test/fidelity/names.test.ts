/**
 * The catalog's name table: every rule at its exact boundary lengths, every derived name checked against the rule
 * of the resource that gets it (in config validation and in the components), with the base-name budgets Azure's
 * limits leave once `-` and the 6-character suffix are appended.
 */
import { describe, expect, it } from "vitest";
import {
    NAME_RULES,
    SAMPLE_SUFFIX,
    baseNameProblem,
    maxBaseLength,
    nameProblem,
    type NameRule,
} from "../../infra/catalog";
import { validateStackConfig } from "../../infra/config";
import { registered, runStack } from "../helpers/stack";

const TODAY = new Date("2026-11-21T00:00:00Z");
const a = (n: number) => "a".repeat(n);
const base = (patch: Record<string, unknown> = {}) => ({
    workspace: { name: "aim", location: "eastus2", projects: [{ name: "chat" }], ...patch },
    deployments: [{ name: "ministral", model: "Ministral-3B", project: "chat" }],
});
const errorsOf = (config: Record<string, unknown>) =>
    validateStackConfig(config, { today: TODAY }).errors.map((e) => `${e.path}: ${e.message}`);

describe("name rules table", () => {
    const rules = Object.entries(NAME_RULES) as [string, NameRule][];

    for (const [key, rule] of rules.filter(([k]) => k !== "roleAssignment")) {
        it(`${key}: ${rule.min} and ${rule.max} characters pass, ${rule.min - 1} and ${rule.max + 1} fail`, () => {
            expect(nameProblem(rule, a(rule.min))).toBeUndefined();
            expect(nameProblem(rule, a(rule.max))).toBeUndefined();
            expect(nameProblem(rule, a(rule.max + 1))).toContain(`has ${rule.max + 1} characters`);
            expect(nameProblem(rule, a(rule.min - 1))).toBeDefined();
        });
    }

    it("every rule names its scope and a dated source", () => {
        for (const [, rule] of rules) {
            expect(["global", "region", "subscription", "resource group", "parent"]).toContain(rule.scope);
            expect(rule.source.document.length).toBeGreaterThan(10);
            expect(rule.source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
    });

    it("role assignments are GUIDs", () => {
        expect(nameProblem(NAME_RULES.roleAssignment, "6f1a2b3c-0000-4000-8000-123456789abc")).toBeUndefined();
        expect(nameProblem(NAME_RULES.roleAssignment, "not-a-guid")).toBe(
            `the role assignment name "not-a-guid" has 10 characters and breaks Azure's rule: 36 characters: a GUID (unique in its parent)`,
        );
    });

    it("character rules: Log Analytics refuses '_', key vaults refuse '--', App Insights refuses '%'", () => {
        expect(nameProblem(NAME_RULES.logAnalytics, "log-my_ws")).toBe(
            `the Log Analytics workspace name "log-my_ws" breaks Azure's rule: 4-63 characters: letters, digits and '-', starting and ending with a letter or digit (unique in the resource group)`,
        );
        expect(nameProblem(NAME_RULES.keyVault, "kv--abc")).toBeDefined();
        expect(nameProblem(NAME_RULES.appInsights, "appi-50%")).toBeDefined();
        expect(nameProblem(NAME_RULES.resourceGroup, "rg-x.")).toBeDefined();
    });

    it("base-name budgets: 33 - 7 for workspaces, 52 - 7 for serverless endpoints, 32 - 7 for online endpoints", () => {
        expect(maxBaseLength("workspace")).toBe(26);
        expect(maxBaseLength("project")).toBe(26);
        expect(maxBaseLength("serverlessEndpoint")).toBe(45);
        expect(maxBaseLength("onlineEndpoint")).toBe(25);
        // 64 (account name and custom subdomain) less `-` and the suffix.
        expect(maxBaseLength("foundryAccount")).toBe(57);
        expect(maxBaseLength("onlineDeployment")).toBe(32);
    });
});

describe("config validation checks every derived name", () => {
    it("workspace name: 26 characters pass, 27 would make a 34-character workspace name", () => {
        expect(errorsOf(base({ name: a(26) }))).toEqual([]);
        expect(errorsOf(base({ name: a(27) }))).toEqual([
            `azure-ai-models:workspace.name: "${a(27)}": gives names Azure refuses (${SAMPLE_SUFFIX} stands for the 6-character random suffix): ` +
                `the Machine Learning workspace name "${a(27)}-${SAMPLE_SUFFIX}" has 34 characters and breaks Azure's rule: 3-33 characters: letters, digits, '_' and '-', starting with a letter or digit (unique in the resource group); this name may have at most 26 characters`,
        ]);
    });

    it("project name: 26 characters pass, 27 fail", () => {
        expect(errorsOf({ ...base({ projects: [{ name: a(26) }] }), deployments: [] })).toEqual([]);
        const errors = errorsOf({ ...base({ projects: [{ name: a(27) }] }), deployments: [] });
        expect(errors).toEqual([
            `azure-ai-models:workspace.projects[0].name: "${a(27)}": gives names Azure refuses (${SAMPLE_SUFFIX} stands for the 6-character random suffix): ` +
                `the Machine Learning workspace name "${a(27)}-${SAMPLE_SUFFIX}" has 34 characters and breaks Azure's rule: 3-33 characters: letters, digits, '_' and '-', starting with a letter or digit (unique in the resource group); this name may have at most 26 characters`,
        ]);
    });

    it("an underscore in the workspace name breaks the Log Analytics workspace name derived from it", () => {
        expect(errorsOf(base({ name: "my_ws" }))).toEqual([
            `azure-ai-models:workspace.name: "my_ws": gives names Azure refuses (${SAMPLE_SUFFIX} stands for the 6-character random suffix): ` +
                `the Log Analytics workspace name "log-my_ws" breaks Azure's rule: 4-63 characters: letters, digits and '-', starting and ending with a letter or digit (unique in the resource group)`,
        ]);
    });

    it("serverless endpoint name: 45 characters pass, 46 would make 53", () => {
        const with_ = (name: string) => ({
            ...base(),
            deployments: [{ name, model: "Ministral-3B", project: "chat" }],
        });
        expect(errorsOf(with_(a(45)))).toEqual([]);
        expect(errorsOf(with_(a(46)))).toEqual([
            `azure-ai-models:deployments[0].name: "${a(46)}": gives names Azure refuses (${SAMPLE_SUFFIX} stands for the 6-character random suffix): ` +
                `the serverless endpoint name "${a(46)}-${SAMPLE_SUFFIX}" has 53 characters and breaks Azure's rule: 1-52 characters: letters, digits and '-', starting with a letter (unique in the region); this name may have at most 45 characters`,
        ]);
    });

    it("online endpoint 25 / 26 and deployment 32 / 33 characters", () => {
        const managed = (endpoint: string, deployment: string) => ({
            workspace: { name: "aim", location: "eastus2", kind: "workspace" },
            onlineEndpoints: [
                {
                    name: endpoint,
                    deployments: [{ name: deployment, model: "Mistral-7B-v01", instanceType: "Standard_NC12s_v3" }],
                },
            ],
        });
        expect(errorsOf(managed(a(25), a(32)))).toEqual([]);
        const errors = errorsOf(managed(a(26), a(33)));
        expect(errors).toHaveLength(2);
        expect(errors[0]).toContain(
            `azure-ai-models:onlineEndpoints[0].name: "${a(26)}": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): the online endpoint name "${a(26)}-xxxxxx" has 33 characters`,
        );
        expect(errors[1]).toBe(
            `azure-ai-models:onlineEndpoints[0].deployments[0].name: "${a(33)}": gives names Azure refuses (xxxxxx stands for the 6-character random suffix): ` +
                `the online deployment name "${a(33)}" has 33 characters and breaks Azure's rule: 3-32 characters: letters, digits and single dashes, starting with a letter (unique in its parent); this name may have at most 32 characters`,
        );
    });

    it("the program registers nothing for a name Azure would refuse", async () => {
        const run = await runStack(base({ name: a(27) }));
        expect(run.error).toBeDefined();
        expect(registered(run)).toEqual([]);
    });
});

describe("components check their base names against the table", () => {
    it("AiWorkspace refuses a 27-character workspace name (its config field rule) before registering anything", async () => {
        const { captureProgram } = await import("../../plan/run/capture");
        const { AiWorkspace } = await import("../../infra/components");
        const run = await captureProgram(() => new AiWorkspace("w", { workspaceName: a(27), location: "eastus2" }), {
            project: "p",
            stack: "s",
        });
        expect((run.error as Error).message).toBe(
            `AiWorkspace w: invalid arguments:\nworkspaceName: "${a(27)}": ${baseNameProblem(a(27), "workspace", "workspaceResourceGroup")}`,
        );
        expect(registered(run)).toEqual([]);
    });
});
