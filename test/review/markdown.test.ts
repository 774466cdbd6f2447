/**
 * The plan as a review report (`npm run plan -- --format markdown`): its content, section by section, for the dev
 * stack, a stack with managed compute (the quota table), a stack with lifecycle warnings and an invalid one.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { renderMarkdown } from "../../plan/report/markdown";
import type { Plan } from "../../plan/run/types";
import { plan } from "../helpers/planCommand";
import { clone, planOf, stackFileConfig, ONE_MODEL_STACK } from "./plans";

const DEV = stackFileConfig(ONE_MODEL_STACK);

let dev: Plan;
beforeAll(async () => {
    dev = await planOf(DEV);
}, 120_000);

describe("the Markdown report", () => {
    it("opens with the summary line, then the policy violations by level and the warnings", () => {
        const lines = renderMarkdown(dev).split("\n");
        expect(lines.slice(0, 21)).toEqual([
            "## Offline plan: stack `dev` of `azure-ai-models`",
            "",
            "**18 resources to create** (13 cloud, 5 components) · policies **✅ passed (0 mandatory, 1 advisory)** · 0 warnings",
            "",
            "Computed from the code alone (the stack program under Pulumi's mock runtime, preview semantics); model lifecycles checked on 2026-11-21. `[unknown]`: known once Azure creates it; `[secret]`: a secret, never shown.",
            "",
            "### Policy violations",
            "",
            "**Advisory: 1**",
            "",
            "| policy | resource | message |",
            "|---|---|---|",
            '| `workspace-network-isolation` | `aimodels-dev-ws` | Workspace "aimodels-dev-ws" sets publicNetworkAccess to "Enabled"; it must be "Disabled". Set publicNetworkAccess: "Disabled" and reach the workspace through a private endpoint. |',
            "",
            "### Lifecycle and config warnings",
            "",
            "None.",
            "",
            "### Resources (18)",
            "",
            "```text",
        ]);
    });

    it("draws the resource tree with Azure names, key facts, options and violations", () => {
        const lines = renderMarkdown(dev).split("\n");
        expect(lines).toContain("azure-ai-models-dev  pulumi:pulumi:Stack");
        expect(lines).toContain(
            "│  └─ aimodels-dev-ws  machinelearningservices:Workspace  aimodels-dev-yyfbe8 · Hub · eastus2 · Basic  [replaceOnChanges: storageAccount, keyVault]",
        );
        expect(lines).toContain("│        ! advisory workspace-network-isolation");
        expect(lines).toContain(
            "   └─ ministral-endpoint  machinelearningservices:ServerlessEndpoint  ministral-2wp2hg · eastus2 · Consumption · azureml://registries/azureml-mistral/models/Ministral-3B  [deleteBeforeReplace]",
        );
    });

    it("shows the stack outputs with secrets masked, and never a key", () => {
        const md = renderMarkdown(dev);
        expect(md).toContain(
            "`deployments` (secret values masked: `deployments.ministral.primaryKey`, `deployments.ministral.secondaryKey`):",
        );
        expect(md).toContain('    "primaryKey": "[secret]",');
        expect(md).not.toContain("primary-key-of-");
        expect(md).not.toContain("<details>");
    });

    it("renders the managed-compute quota table when the stack has managed deployments", async () => {
        const c = clone(DEV);
        c["azure-ai-models:onlineEndpoints"] = [
            {
                name: "chat-online",
                project: "chat",
                deployments: [
                    {
                        name: "blue",
                        model: "mistralai-Mistral-7B-Instruct-v01",
                        instanceType: "Standard_NC12s_v3",
                        instanceCount: 2,
                    },
                ],
            },
        ];
        const lines = renderMarkdown(await planOf(c)).split("\n");
        const at = lines.indexOf("### Managed-compute quota to request");
        expect(at).toBeGreaterThan(0);
        expect(lines.slice(at, at + 7)).toEqual([
            "### Managed-compute quota to request",
            "",
            "Cores per region and VM family (a 20% reserve is added where the VM size is not exempt).",
            "",
            "| region | VM family | instances | cores | 20% reserve | deployments |",
            "|---|---|--:|--:|---|---|",
            "| eastus2 | Standard NCSv3 Family | 2 | 36 | yes | chat-online-0payz5/blue |",
        ]);
        expect(renderMarkdown(dev)).not.toContain("quota");
    });

    it("lists lifecycle warnings", async () => {
        const c = clone(DEV);
        (c["azure-ai-models:deployments"] as { model: string }[])[0].model = "Mistral-small";
        const p = await planOf(c, { today: "2025-04-10" });
        const lines = renderMarkdown(p).split("\n");
        expect(lines[2]).toBe(
            "**18 resources to create** (13 cloud, 5 components) · policies **✅ passed (0 mandatory, 3 advisory)** · 2 warnings",
        );
        const at = lines.indexOf("### Lifecycle and config warnings");
        expect(lines[at + 2]).toMatch(
            /^- `azure-ai-models:deployments\[0\]\.model`: Mistral-small is legacy since 2025-03-31/,
        );
        // The next date within the lifecycle watch's window, ahead of the watch.
        expect(lines[at + 3]).toMatch(
            /^- `azure-ai-models:deployments\[0\]`: Mistral-small \(serverless\) becomes deprecated on 2025-04-30, in 20 days, within the lifecycle watch's 90-day window/,
        );
    });

    it("lists the problems of an invalid config, and nothing else", async () => {
        const c = clone(DEV);
        (c["azure-ai-models:deployments"] as { project: string }[])[0].project = "caht";
        const lines = renderMarkdown(await planOf(c)).split("\n");
        expect(lines[2]).toBe("**❌ Invalid stack config: 1 problem.** Nothing would be deployed · 0 warnings");
        expect(lines.slice(5)).toEqual([
            "",
            "### Invalid stack config",
            "",
            '- azure-ai-models:deployments[0].project: "caht" is not a project of the hub (projects: chat); did you mean "chat"?',
            "",
            "### Lifecycle and config warnings",
            "",
            "None.",
        ]);
    });
});

describe("npm run plan -- --format", () => {
    it("markdown prints the report of the stack file, as renderMarkdown does", async () => {
        const r = await plan(["--format", "markdown", "--today", "2026-11-21"]);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(`${renderMarkdown(await planOf(stackFileConfig()))}\n`);
    });

    it("keeps --json as --format json, and refuses unknown or contradicting formats", async () => {
        const json = await plan(["--format", "json", "--today", "2026-11-21"]);
        expect(json.code).toBe(0);
        expect(JSON.parse(json.stdout)).toEqual(JSON.parse((await plan(["--json", "--today", "2026-11-21"])).stdout));
        const bad = await plan(["--format", "yaml"]);
        expect(bad.code).toBe(2);
        expect(bad.stderr.split("\n")[0]).toBe('--format "yaml" is not a format; expected one of text, json, markdown');
        const both = await plan(["--json", "--format", "markdown"]);
        expect(both.code).toBe(2);
        expect(both.stderr.split("\n")[0]).toBe(
            "--json and --format markdown contradict each other (--json is --format json)",
        );
    });
});
