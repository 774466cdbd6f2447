/**
 * The plan diff on concrete pairs of stack configs, each planned with the real program and plan runner: what a
 * reviewer reads (the text and Markdown reports), line by line.
 *
 * What this cannot prove: what the azure-native provider and Azure really do. The predictions rest on the table in
 * `plan/diff/replacements.ts`; a real `pulumi preview` against the stack's state is the authority.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { diffPlans, type PlanDiff } from "../../plan/diff/diff";
import { renderDiffMarkdown, renderDiffText } from "../../plan/diff/diffRender";
import type { Plan } from "../../plan/run/types";
import { clone, planOf, stackFileConfig, ONE_MODEL_STACK } from "./plans";

const WS = "azure-ai-models:workspace";
const DEPLOYMENTS = "azure-ai-models:deployments";
const ONLINE = "azure-ai-models:onlineEndpoints";
const GATE = { enabled: true, allowed: false };
const HEADER =
    "Plan diff: stack dev of azure-ai-models, main → pull request (offline, from the code alone; lifecycle checked on 2026-11-21)";

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stack config edited by path

const DEV: Config = stackFileConfig(ONE_MODEL_STACK);
/** The dev stack with a second project and a second Ministral-3B endpoint in it. */
function withSearch(): Config {
    const c = clone(DEV);
    c[WS].projects.push({ name: "search" });
    c[DEPLOYMENTS].push({ name: "ministral-search", model: "Ministral-3B", project: "search" });
    return c;
}
/** The dev stack with a managed online endpoint of two deployments. */
function withOnline(traffic: Record<string, number>, greenSize = "Standard_NC24ads_A100_v4"): Config {
    const c = clone(DEV);
    c[ONLINE] = [
        {
            name: "chat-online",
            project: "chat",
            deployments: [
                { name: "blue", model: "mistralai-Mistral-7B-Instruct-v01", instanceType: "Standard_NC24ads_A100_v4" },
                { name: "green", model: "mistralai-Mistral-7B-Instruct-v01", instanceType: greenSize },
            ],
            traffic,
        },
    ];
    return c;
}

const diffOf = (a: Plan, b: Plan): PlanDiff => diffPlans(a, b, { baseLabel: "main", headLabel: "pull request" });
const text = (d: PlanDiff) => renderDiffText(d, GATE).split("\n");
const markdown = (d: PlanDiff) => renderDiffMarkdown(d, GATE).split("\n");

let dev: Plan;
beforeAll(async () => {
    dev = await planOf(DEV);
    expect(dev.errors).toEqual([]);
}, 120_000);

describe("plan diff", () => {
    it("is empty for an unchanged stack (the random suffixes are deterministic)", async () => {
        const d = diffOf(dev, await planOf(clone(DEV)));
        expect(d.resources).toEqual([]);
        expect(d.outputs).toEqual([]);
        expect(d.destructive).toEqual([]);
        expect(text(d)).toEqual([
            HEADER,
            "No changes: 13 cloud resources unchanged.",
            "Policies: passed (0 mandatory, 1 advisory)",
        ]);
        expect(markdown(d)).toContain(
            "**No changes** · 13 cloud resources unchanged · policies ✅ passed (0 mandatory, 1 advisory)",
        );
    });

    it("adding a model creates its project, subscription and endpoint, and nothing is destructive", async () => {
        const d = diffOf(dev, await planOf(withSearch()));
        expect(text(d)).toEqual([
            HEADER,
            "Changes: 5 to create, 0 to update, 0 to replace, 0 to delete, 0 may change; 13 unchanged",
            "Policies: passed (0 mandatory, 1 advisory)",
            "",
            "Resources:",
            "  +   create          random:index/randomString:RandomString  aimodels-dev-search-suffix",
            "  +   create          random:index/randomString:RandomString  ministral-search-suffix",
            "  +   create          machinelearningservices:Workspace  aimodels-dev-search-ws  (search-53cwwm)",
            "  +   create          machinelearningservices:MarketplaceSubscription  search-Ministral-3B-sub  (Ministral-3B)",
            "  +   create          machinelearningservices:ServerlessEndpoint  ministral-search-endpoint  (ministral-search-i112bv)",
            "",
            "Stack outputs:",
            "  + deployments.ministral-search",
            "  + workspace.projects.search",
        ]);
    });

    it("removing a model deletes its endpoint, subscription and project, each flagged as destructive", async () => {
        const d = diffOf(await planOf(withSearch()), dev);
        expect(d.counts).toEqual({ create: 0, update: 0, replace: 0, delete: 5, mayChange: 0, unchanged: 13 });
        const lines = text(d);
        expect(lines.slice(3, 9)).toEqual([
            "",
            "Destructive changes (3):",
            "  ✗ project search-53cwwm (aimodels-dev-search-ws) is deleted: its endpoints and subscriptions go with it, and the soft-deleted name blocks reuse",
            "  ✗ Marketplace subscription Ministral-3B (search-Ministral-3B-sub) is deleted: endpoints that use the offer in this workspace stop working",
            "  ✗ serverless endpoint ministral-search-i112bv (ministral-search-endpoint) is deleted: clients calling https://ministral-search-i112bv.eastus2.models.ai.azure.com lose it",
            "  Not acknowledged: --fail-on-destructive fails this diff. To go ahead, pass --allow-destructive (the pull request workflow does when the pull request has the label allow-destructive-changes).",
        ]);
        expect(lines).toContain(
            "  -   delete          machinelearningservices:ServerlessEndpoint  ministral-search-endpoint  (ministral-search-i112bv)",
        );
        expect(lines.slice(-3)).toEqual([
            "Stack outputs:",
            "  - deployments.ministral-search",
            "  - workspace.projects.search",
        ]);
    });

    it("renaming an endpoint deletes it and creates another: the URL clients call changes", async () => {
        const renamed = clone(DEV);
        renamed[DEPLOYMENTS][0].name = "ministral-chat";
        const d = diffOf(dev, await planOf(renamed));
        expect(d.destructive).toHaveLength(1);
        expect(d.destructive[0].url).toEqual({
            before: "https://ministral-2wp2hg.eastus2.models.ai.azure.com",
            after: "https://ministral-chat-1r18lk.eastus2.models.ai.azure.com",
        });
        expect(text(d)).toEqual([
            HEADER,
            "Changes: 2 to create, 0 to update, 0 to replace, 2 to delete, 0 may change; 11 unchanged",
            "Policies: passed (0 mandatory, 1 advisory)",
            "",
            "Destructive changes (1):",
            "  ✗ serverless endpoint ministral-2wp2hg (ministral-endpoint) is deleted: it is renamed to ministral-chat-1r18lk, so its URL changes from https://ministral-2wp2hg.eastus2.models.ai.azure.com to https://ministral-chat-1r18lk.eastus2.models.ai.azure.com, with new keys; clients must move",
            "  Not acknowledged: --fail-on-destructive fails this diff. To go ahead, pass --allow-destructive (the pull request workflow does when the pull request has the label allow-destructive-changes).",
            "",
            "Resources:",
            "  -   delete          random:index/randomString:RandomString  ministral-suffix",
            "  -   delete          machinelearningservices:ServerlessEndpoint  ministral-endpoint  (ministral-2wp2hg; renamed to ministral-chat-endpoint)",
            "  +   create          random:index/randomString:RandomString  ministral-chat-suffix",
            "  +   create          machinelearningservices:ServerlessEndpoint  ministral-chat-endpoint  (ministral-chat-1r18lk; renamed from ministral-endpoint)",
            "",
            "Stack outputs:",
            "  + deployments.ministral-chat",
            "  - deployments.ministral",
        ]);
        const md = markdown(d);
        expect(md.slice(0, 9)).toEqual([
            "## Plan diff: stack `dev`",
            "",
            "`main` → `pull request` · computed offline from the code alone · model lifecycles checked on 2026-11-21",
            "",
            "**2 to create · 0 to update · 0 to replace · 2 to delete · 0 may change** · 11 unchanged · policies ✅ passed (0 mandatory, 1 advisory)",
            "",
            "### ⚠️ Destructive changes (1)",
            "",
            "- ❗ serverless endpoint `ministral-2wp2hg` (`ministral-endpoint`) is deleted: it is renamed to ministral-chat-1r18lk, so its URL changes from `https://ministral-2wp2hg.eastus2.models.ai.azure.com` to `https://ministral-chat-1r18lk.eastus2.models.ai.azure.com`, with new keys; clients must move",
        ]);
        expect(md).toContain(
            "> **Not acknowledged.** This check fails until a maintainer adds the label `allow-destructive-changes` to the pull request (the diff then runs with `--allow-destructive`).",
        );
        expect(md).toContain(
            "- **delete** `ministral-endpoint` (machinelearningservices:ServerlessEndpoint, `ministral-2wp2hg`, renamed to `ministral-chat-endpoint`)",
        );
    });

    it("moving the hub to another region replaces everything under it, and marks what may follow", async () => {
        const moved = clone(DEV);
        moved[WS].location = "swedencentral";
        const d = diffOf(dev, await planOf(moved));
        expect(d.counts).toEqual({ create: 0, update: 0, replace: 8, delete: 0, mayChange: 2, unchanged: 3 });
        const lines = text(d);
        expect(lines[1]).toBe(
            "Changes: 0 to create, 0 to update, 8 to replace, 0 to delete, 2 may change; 3 unchanged",
        );
        expect(lines).toContain("Destructive changes (7):");
        expect(lines).toContain(
            '  ✗ hub aimodels-dev-yyfbe8 (aimodels-dev-ws) is replaced (location changes from "eastus2" to "swedencentral": Azure cannot move a resource to another region): what is inside it goes with it, and the soft-deleted name blocks reuse',
        );
        expect(lines).toContain(
            '  ✗ serverless endpoint ministral-2wp2hg (ministral-endpoint) is replaced (location changes from "eastus2" to "swedencentral": Azure cannot move a resource to another region): its URL changes from https://ministral-2wp2hg.eastus2.models.ai.azure.com to https://ministral-2wp2hg.swedencentral.models.ai.azure.com, with new keys; clients must move',
        );
        expect(lines).toContain(
            "  ? Marketplace subscription Ministral-3B (chat-Ministral-3B-sub) may be replaced (its resource group aimodels-dev-rg is replaced, and Azure deletes child resources with their parent): endpoints that use the offer in this workspace stop working",
        );
        // Same Azure name, created first: flagged, as Azure would update the old resource and then delete it.
        expect(lines).toContain(
            "  +-  replace         machinelearningservices:Workspace  aimodels-dev-ws  (aimodels-dev-yyfbe8; create first with the same Azure name: needs deleteBeforeReplace (pulumi/pulumi-azure#182))",
        );
        expect(lines).toContain(
            '        location: "eastus2" → "swedencentral" [forces replacement: Azure cannot move a resource to another region]',
        );
        expect(lines).toContain(
            "  +-  replace         machinelearningservices:ServerlessEndpoint  ministral-endpoint  (ministral-2wp2hg; delete first, then create)",
        );
        // The role assignment's name and role come from the replaced resource group: unknown, so it may be replaced.
        const role = d.resources.find((r) => r.type === "azure-native:authorization:RoleAssignment")!;
        expect(role).toMatchObject({
            action: "replace",
            uncertain: true,
            parentReplaced: { name: "aimodels-dev-rg", what: "scope" },
        });
        expect(role.changes.map((c) => [c.path, c.via?.split("::").pop(), c.replaces])).toEqual([
            ["roleAssignmentName", "aimodels-dev-rg", "the name is part of the Azure resource id"],
            ["roleDefinitionId", "aimodels-dev-rg", "a role assignment cannot change its role"],
        ]);
        expect(lines).toContain(
            "        roleDefinitionId: may change ([unknown], from aimodels-dev-rg, which is replaced) [may force replacement: a role assignment cannot change its role]",
        );
        // The random suffixes do not depend on the region: unchanged.
        expect(d.resources.some((r) => r.type.startsWith("random:"))).toBe(false);
    });

    it("turning content safety off updates the endpoint in place and shows the new mandatory violation", async () => {
        const off = clone(DEV);
        off[DEPLOYMENTS][0].contentSafety = "Disabled";
        const d = diffOf(dev, await planOf(off));
        const lines = text(d);
        expect(lines.slice(1, 8)).toEqual([
            "Changes: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 may change; 12 unchanged",
            "Policies: FAILED (1 mandatory, 1 advisory)",
            "",
            "Resources:",
            "  ~   update          machinelearningservices:ServerlessEndpoint  ministral-endpoint  (ministral-2wp2hg)",
            '        properties.contentSafety.contentSafetyStatus: "Enabled" → "Disabled"',
            "",
        ]);
        expect(lines[8]).toBe("New policy violations (1):");
        expect(lines[9]).toMatch(
            /^ {2}\[mandatory\] content-safety-enabled: ServerlessEndpoint "ministral-endpoint" sets properties\.contentSafety\.contentSafetyStatus to "Disabled"/,
        );
        expect(d.destructive).toEqual([]);
    });

    it("changing an online endpoint's traffic split updates only the traffic resource", async () => {
        const before = await planOf(withOnline({ blue: 100, green: 0 }));
        const d = diffOf(before, await planOf(withOnline({ blue: 90, green: 10 })));
        expect(text(d)).toEqual([
            HEADER,
            "Changes: 0 to create, 1 to update, 0 to replace, 0 to delete, 0 may change; 17 unchanged",
            "Policies: passed (0 mandatory, 3 advisory)",
            "",
            "Resources:",
            "  ~   update          dynamic:EndpointTraffic  chat-online-traffic",
            "        traffic.blue: 100 → 90",
            "        traffic.green: 0 → 10",
            "",
            "Stack outputs:",
            "  ~ onlineEndpoints.chat-online.traffic.blue: 100 → 90",
            "  ~ onlineEndpoints.chat-online.traffic.green: 0 → 10",
        ]);
    });

    it("changing an online deployment's VM size replaces it, delete first", async () => {
        const before = await planOf(withOnline({ blue: 100, green: 0 }));
        const d = diffOf(before, await planOf(withOnline({ blue: 100, green: 0 }, "Standard_NC48ads_A100_v4")));
        const lines = text(d);
        expect(lines).toContain(
            '  ✗ online deployment green (chat-online-green-deployment) is replaced (properties.instanceType changes from "Standard_NC24ads_A100_v4" to "Standard_NC48ads_A100_v4": a deployment\'s VM size cannot change; Azure\'s advice is a new deployment and a traffic switch): the endpoint loses the capacity it served',
        );
        expect(lines).toContain(
            "  +-  replace         machinelearningservices:OnlineDeployment  chat-online-green-deployment  (green; delete first, then create)",
        );
    });
});
