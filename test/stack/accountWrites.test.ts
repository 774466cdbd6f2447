/**
 * Every write to a Foundry account runs one after another (Azure answers concurrent writes to one account with 409):
 * the stack puts the diagnostic setting, the role assignments, the projects, the content filters and the deployments
 * of an account in one chain. The dependencies come from the recording monitor (plan/run/capture.ts wraps the mock
 * monitor's registerResource), which sees every dependsOn and input dependency the engine would get.
 *
 * What mocks cannot prove: that Azure would have refused the concurrent writes; they prove the order the engine gets.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { ContentFilter, FoundryAccount, FoundryModelDeployment, FoundryProject } from "../../infra/components";
import { accountChains, accountChainWarnings } from "../../plan/checks/accountChain";
import { renderMarkdown } from "../../plan/report/markdown";
import { renderText } from "../../plan/report/render";
import type { Plan, PlannedResource } from "../../plan/run/types";
import { construct } from "../components/construct";
import { registered, runStack } from "../helpers/stack";
import { clone, stackFileConfig } from "../review/plans";

const EXAMPLE = stackFileConfig(path.join(__dirname, "../../Pulumi.foundry.yaml"));

/** Every type that writes to a Foundry account, and the input that points at the account. */
const WRITER_TYPES = [
    "azure-native:monitor:DiagnosticSetting",
    "azure-native:authorization:RoleAssignment",
    "azure-native:cognitiveservices:Project",
    "azure-native:cognitiveservices:RaiBlocklist",
    "azure-native:cognitiveservices:RaiBlocklistItem",
    "azure-native:cognitiveservices:RaiPolicy",
    "azure-native:cognitiveservices:Deployment",
];

/** URNs `r` depends on, directly or through other resources (an independent closure over the recorded graph). */
function dependsOnTransitively(resources: readonly PlannedResource[], r: PlannedResource): Set<string> {
    const byUrn = new Map(resources.map((x) => [x.urn, x]));
    const seen = new Set<string>();
    const todo = [...r.dependencies];
    while (todo.length > 0) {
        const urn = todo.pop()!;
        if (seen.has(urn)) continue;
        seen.add(urn);
        todo.push(...(byUrn.get(urn)?.dependencies ?? []));
    }
    return seen;
}

/** Pairs of writes neither of which waits for the other. */
function unordered(resources: readonly PlannedResource[], writes: readonly PlannedResource[]): string[] {
    const out: string[] = [];
    for (const [i, a] of writes.entries())
        for (const b of writes.slice(i + 1))
            if (!dependsOnTransitively(resources, a).has(b.urn) && !dependsOnTransitively(resources, b).has(a.urn))
                out.push(`${a.name} | ${b.name}`);
    return out;
}

function foundryWith(extra: Record<string, unknown>): Record<string, unknown> {
    return { ...clone(EXAMPLE["azure-ai-models:foundry"] as Record<string, unknown>), ...extra };
}

describe("the writes to a Foundry account", () => {
    it("form one chain: no two writes of any type can run at once, in a stable order", async () => {
        const foundry = foundryWith({
            principals: [
                { principalId: "00000000-0000-0000-0000-000000000001" },
                { principalId: "00000000-0000-0000-0000-000000000002", principalType: "Group" },
            ],
        });
        const run = await runStack({ foundry });
        expect(run.error).toBeUndefined();
        const writes = registered(run).filter((r) => WRITER_TYPES.includes(r.type));
        expect(new Set(writes.map((w) => w.type))).toEqual(new Set(WRITER_TYPES));
        expect(unordered(run.resources, writes)).toEqual([]);

        const [chain] = accountChains(run.resources);
        expect(chain.account).toBe("aimodels-account");
        expect(chain.writes.map((w) => w.name)).toEqual([
            "aimodels-diagnostics",
            "aimodels-user-00000000-0000-0000-0000-000000000001",
            "aimodels-user-00000000-0000-0000-0000-000000000002",
            "aimodels-chat-project",
            "aimodels-documents-project",
            "aimodels-internal-names-blocklist",
            "aimodels-internal-names-item-1",
            "aimodels-internal-names-ticket-ids",
            "aimodels-strict-policy",
            "aimodels-mistral-large-deployment",
            "aimodels-llama-scout-deployment",
            "aimodels-gpt-mini-deployment",
        ]);
        expect(chain.concurrent).toEqual([]);
        expect(accountChainWarnings([chain])).toEqual([]);
    });

    it("makes each deployment wait for the role assignments of the principals that call it", async () => {
        const run = await runStack({ foundry: foundryWith({}) });
        const first = run.resources.find((r) => r.name === "aimodels-mistral-large-deployment")!;
        const role = run.resources.find((r) => r.name === "aimodels-user-00000000-0000-0000-0000-000000000001")!;
        expect(dependsOnTransitively(run.resources, first).has(role.urn)).toBe(true);
    });

    it("sets the deployment timeouts the config asks for, and none otherwise", async () => {
        const foundry = foundryWith({});
        (foundry.deployments as Record<string, unknown>[])[0].timeoutMinutes = 90;
        const run = await runStack({ foundry });
        expect(run.error).toBeUndefined();
        const byName = (n: string) => run.resources.find((r) => r.name === n)!;
        expect(byName("aimodels-mistral-large-deployment").options.customTimeouts).toEqual({
            create: "90m",
            update: "90m",
            delete: "90m",
        });
        expect(byName("aimodels-llama-scout-deployment").options.customTimeouts).toBeUndefined();
        const bad = await construct(() => {
            new FoundryModelDeployment("d", {
                resourceGroupName: "rg",
                accountName: "acct",
                deploymentName: "d1",
                model: "Ministral-3B",
                sku: "GlobalStandard",
                capacity: 1,
                timeoutMinutes: 0,
            });
        });
        expect(bad.error).toBeInstanceOf(pulumi.InputPropertiesError);
        expect((bad.error as pulumi.InputPropertiesError).errors).toEqual([
            { propertyPath: "timeoutMinutes", reason: "0 is out of range; expected at least 1" },
        ]);
    });

    it("warns about writes a library user leaves unordered, and the chain a user threads orders them", async () => {
        const common = { resourceGroupName: "rg-x", location: "swedencentral" };
        const loose = await construct(() => {
            const account = new FoundryAccount("acct", { accountName: "acct", location: "swedencentral" });
            const on = { resourceGroupName: account.resourceGroupName, accountName: account.accountName };
            new FoundryProject("p", { ...on, ...common, projectName: "p1" });
            new ContentFilter("f", {
                ...on,
                filterName: "f1",
                filters: [{ category: "Jailbreak", source: "Prompt" }],
            });
        });
        const [chain] = accountChains(loose.resources);
        expect(chain.concurrent).toEqual([
            ["acct-diagnostics", "f-policy"],
            ["acct-diagnostics", "p-project"],
            ["f-policy", "p-project"],
        ]);
        expect(accountChainWarnings([chain])[2]).toEqual({
            path: "acct-account",
            message:
                'f-policy and p-project write to the same Foundry account and nothing orders them: pulumi up may run them at once, and Azure answers the second with 409 RequestConflict ("Another operation is being performed on the parent resource"); make one depend on the other',
        });

        const chained = await construct(() => {
            const account = new FoundryAccount("acct", { accountName: "acct", location: "swedencentral" });
            const on = { resourceGroupName: account.resourceGroupName, accountName: account.accountName };
            const writes = account.writes();
            writes.push(
                "project",
                (dependsOn) => new FoundryProject("p", { ...on, ...common, projectName: "p1" }, { dependsOn }),
            );
            writes.push(
                "filter",
                (dependsOn) =>
                    new ContentFilter(
                        "f",
                        { ...on, filterName: "f1", filters: [{ category: "Jailbreak", source: "Prompt" }] },
                        { dependsOn },
                    ),
            );
            expect(writes.writes().map((w) => w.label)).toEqual(["diagnostic setting", "project", "filter"]);
            expect(writes.after()[0]).toBeInstanceOf(pulumi.ComponentResource);
        });
        const [ordered] = accountChains(chained.resources);
        expect(ordered.writes.map((w) => w.name)).toEqual(["acct-diagnostics", "p-project", "f-policy"]);
        expect(ordered.concurrent).toEqual([]);
    });

    it("shows the chain and its length in the text and Markdown plans", async () => {
        const run = await runStack({ foundry: foundryWith({}) });
        const plan: Plan = {
            project: "azure-ai-models",
            stack: "foundry",
            today: "2026-11-21",
            resources: run.resources,
            outputs: [],
            warnings: [],
            errors: [],
            accountChains: accountChains(run.resources),
        };
        const text = renderText(plan);
        expect(text).toContain(
            "Writes to each Foundry account, one after another (chain length, the account's critical path in pulumi up: aimodels-account: 11 after the account):",
        );
        expect(text).toMatch(/aimodels-account {2}11 {2}aimodels-gpt-mini-deployment +cognitiveservices:Deployment/);
        const md = renderMarkdown(plan);
        expect(md).toContain("### Writes per Foundry account");
        expect(md).toContain("Chain length (the account's critical path): aimodels-account: 11 after the account.");
        expect(md).toContain("| aimodels-account | 1 | aimodels-diagnostics | monitor:DiagnosticSetting |");
    });
});
