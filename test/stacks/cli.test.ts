/**
 * Bad stacks through `npm run plan` (the command in-process, as test/helpers/planCommand.ts runs it), as a user or
 * CI runs it: policy results under each resource and in the Policies section, exit 1 on mandatory violations,
 * `--json`, `--policy-config` and `--skip-policies`. Also the stacks that use this repository's own program
 * (`infra/index.ts`) with config that makes a mistake on purpose: each plan runs the program afresh.
 */
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { plan as planCommand, ROOT, type CommandRun } from "../helpers/planCommand";

const FIXTURES = path.join(ROOT, "test/fixtures/stacks");

type Run = CommandRun;

function plan(fixture: string, ...args: string[]): Promise<Run> {
    return planCommand(["--dir", path.join(FIXTURES, fixture), "--stack", "test", "--today", "2026-11-21", ...args]);
}

interface JsonPlan {
    errors: string[];
    resources: { name: string; type: string }[];
    outputs: { name: string; value: unknown; secretPaths: string[] }[];
    policies?: {
        passed: boolean;
        violations: { policyName: string; enforcementLevel: string; message: string; resourceName?: string }[];
    };
}

const WESTEUROPE = (name: string) =>
    `Workspace "${name}" is in region "westeurope", which is not allowed. Allowed regions: eastus, eastus2, northcentralus, southcentralus, westus, westus3 and swedencentral. ` +
    `Set its location to one of them, or add "westeurope" to the allowed-regions config (allowedRegions).`;

describe("npm run plan over bad stacks", () => {
    let runs: Record<string, Run>;

    beforeAll(async () => {
        // One after another: the plans share this process's Pulumi runtime.
        runs = {
            text: await plan("wrong-region"),
            json: await plan("wrong-region", "--json"),
            allowed: await plan(
                "wrong-region",
                "--policy-config",
                path.join(FIXTURES, "wrong-region/allow-westeurope.json"),
            ),
            skipped: await plan("wrong-region", "--skip-policies"),
            contentSafety: await plan("config-content-safety-off", "--json"),
            acceptRetired: await plan("config-accept-retired", "--json"),
            newEndpointKey: await plan("plaintext-key-output", "--json"),
        };
    });

    it("exits 1 and prints each violation under its resource and in the Policies section", () => {
        const r = runs.text;
        expect(r.stderr).toBe("");
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(
            [
                "    + machinelearningservices:Workspace  hub",
                "        workspaceName: raw-hub",
                "        kind: Hub",
                "        location: westeurope",
                "        publicNetworkAccess: Disabled",
                "        managedNetwork.isolationMode: AllowOnlyApprovedOutbound",
                "        identity.type: SystemAssigned",
                `        ✗ [mandatory] allowed-regions: ${WESTEUROPE("hub")}`,
                "    + machinelearningservices:Workspace  project",
            ].join("\n"),
        );
        expect(r.stdout).toContain(
            `        depends on: hub (Workspace)\n        ✗ [mandatory] allowed-regions: ${WESTEUROPE("project")}\n`,
        );
        expect(r.stdout).toContain(
            [
                "Policies: FAILED (2 mandatory, 0 advisory violations)",
                `  ✗ [mandatory] allowed-regions: ${WESTEUROPE("hub")} (hub)`,
                `  ✗ [mandatory] allowed-regions: ${WESTEUROPE("project")} (project)`,
                "",
                "Outputs:",
            ].join("\n"),
        );
    });

    it("--json includes policies.violations and passed: false", () => {
        const r = runs.json;
        expect(r.code).toBe(1);
        const json = JSON.parse(r.stdout) as JsonPlan;
        expect(json.errors).toEqual([]);
        expect(json.policies).toEqual({
            passed: false,
            violations: ["hub", "project"].map((name) => ({
                policyName: "allowed-regions",
                enforcementLevel: "mandatory",
                message: WESTEUROPE(name),
                urn: `urn:pulumi:test::raw-wrong-region::pulumi:pulumi:Stack$azure-native:machinelearningservices:Workspace::${name}`,
                resourceName: name,
                resourceType: "azure-native:machinelearningservices:Workspace",
            })),
        });
    });

    it("--policy-config with westeurope allowed turns the stack green (exit 0)", () => {
        const r = runs.allowed;
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(r.stdout).toContain("Policies: passed (0 mandatory, 0 advisory violations)\n");
        expect(r.stdout).not.toContain("✗");
    });

    it("--skip-policies skips them: exit 0, no Policies section", () => {
        const r = runs.skipped;
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(r.stdout).not.toContain("Policies:");
        expect(r.stdout).not.toContain("allowed-regions");
        expect(r.stdout).toContain("location: westeurope");
    });

    it("our own program with contentSafety: Disabled fails content-safety-enabled, and only it", () => {
        const r = runs.contentSafety;
        expect(r.code).toBe(1);
        const json = JSON.parse(r.stdout) as JsonPlan;
        expect(json.errors).toEqual([]);
        expect(json.policies?.passed).toBe(false);
        expect(
            json.policies?.violations.map((v) => [v.policyName, v.enforcementLevel, v.resourceName, v.message]),
        ).toEqual([
            [
                "content-safety-enabled",
                "mandatory",
                "chat-endpoint",
                `ServerlessEndpoint "chat-endpoint" sets properties.contentSafety.contentSafetyStatus to "Disabled"; serverless endpoints must keep Azure AI Content Safety on. ` +
                    `Set it to "Enabled", or list the endpoint in the content-safety-enabled config (exemptEndpoints).`,
            ],
        ]);
    });

    it("our own program with a retired model and acceptRetired: true fails no-retired-models, and only it", () => {
        const r = runs.acceptRetired;
        expect(r.code).toBe(1);
        const json = JSON.parse(r.stdout) as JsonPlan;
        expect(json.errors).toEqual([]);
        const retired = (kind: string, name: string) =>
            `${kind} "${name}" uses Mistral Large (2411) (azureml://registries/azureml-mistral/models/Mistral-Large-2411), whose serverless offer was retired on 2026-01-30: ` +
            `its deployments return 404 (MS docs articles/ai-foundry/concepts/model-lifecycle-retirement.md (retirement schedule), 2026-07-07). ` +
            `Deploy its replacement mistral-medium-2505 instead, or another model.`;
        expect(
            json.policies?.violations.map((v) => [v.policyName, v.enforcementLevel, v.resourceName, v.message]),
        ).toEqual([
            [
                "no-retired-models",
                "mandatory",
                "app-Mistral-Large-2411-sub",
                retired("MarketplaceSubscription", "app-Mistral-Large-2411-sub"),
            ],
            ["no-retired-models", "mandatory", "large-endpoint", retired("ServerlessEndpoint", "large-endpoint")],
        ]);
    });

    it("a new endpoint's key is unknown in a preview, but the plan sees it is not secret and fails", () => {
        const r = runs.newEndpointKey;
        expect(r.code).toBe(1);
        const json = JSON.parse(r.stdout) as JsonPlan;
        expect(json.outputs.find((o) => o.name === "chat")).toEqual({
            name: "chat",
            value: { endpointName: "ministral", primaryKey: "[unknown]", secondaryKey: "[secret]" },
            secret: true,
            secretPaths: ["chat.secondaryKey"],
        });
        expect(json.policies?.passed).toBe(false);
        expect(json.policies?.violations.map((v) => [v.policyName, v.enforcementLevel, v.message])).toEqual([
            [
                "no-plaintext-keys-in-outputs",
                "mandatory",
                "Stack output chat.primaryKey has a key-like name and is not secret, so it is stored in the clear in the stack's state and printed by `pulumi stack output`. Wrap the value in pulumi.secret(...) before exporting it, or do not export it.",
            ],
        ]);
    });
});
