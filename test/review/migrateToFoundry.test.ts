/**
 * Moving a model from a hub serverless endpoint to a Foundry deployment, as docs/foundry.md describes it, planned
 * with the real program and diffed as a reviewer sees it: step 1 adds the Foundry deployment next to the serverless
 * endpoint (nothing destructive, the old outputs unchanged); clients are repointed; step 2 removes the serverless
 * endpoint (destructive, flagged). Doing both in one change would delete the endpoint clients still call.
 *
 * What this cannot prove: what Azure does; a real `pulumi preview` against the stack's state is the authority.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { diffPlans, type PlanDiff } from "../../plan/diff/diff";
import { renderDiffText } from "../../plan/diff/diffRender";
import type { Plan } from "../../plan/run/types";
import { clone, planOf, stackFileConfig } from "./plans";

type Config = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stack config edited by path

const DEPLOYMENTS = "azure-ai-models:deployments";
const FOUNDRY = "azure-ai-models:foundry";
const GATE = { enabled: true, allowed: false };

/** Before: the dev stack, Ministral-3B as a serverless endpoint in the hub project `chat`. */
const BEFORE: Config = stackFileConfig();
/** Step 1: the same model on a Foundry resource next to it. */
function withFoundry(): Config {
    const c = clone(BEFORE);
    c[FOUNDRY] = {
        name: "aimodels",
        location: "eastus2",
        // The same cost tags as the hub (the pack's required-tags judges the Foundry account too).
        tags: { owner: "ai-platform", costCenter: "4711" },
        publicNetworkAccess: "Enabled",
        networkAcls: { defaultAction: "Allow" },
        deployments: [{ name: "ministral", model: "Ministral-3B", sku: "GlobalStandard", capacity: 50 }],
        principals: [{ principalId: "00000000-0000-0000-0000-000000000001" }],
    };
    return c;
}
/** Step 2: the serverless endpoint of Ministral-3B removed; the hub and its other models stay. */
function foundryOnly(): Config {
    const c = withFoundry();
    c[DEPLOYMENTS] = (c[DEPLOYMENTS] as { name: string }[]).filter((d) => d.name !== "ministral");
    return c;
}

const diffOf = (a: Plan, b: Plan): PlanDiff => diffPlans(a, b, { baseLabel: "main", headLabel: "pull request" });
const text = (d: PlanDiff) => renderDiffText(d, GATE).split("\n");

let before: Plan;
let step1: Plan;
let step2: Plan;
beforeAll(async () => {
    [before, step1, step2] = [await planOf(BEFORE), await planOf(withFoundry()), await planOf(foundryOnly())];
    for (const p of [before, step1, step2]) expect(p.errors).toEqual([]);
}, 240_000);

const HEADER =
    "Plan diff: stack dev of azure-ai-models, main → pull request (offline, from the code alone; lifecycle checked on 2026-11-21)";
const FOUNDRY_OUTPUT =
    '  ~ foundry: null → {"accountId":"[unknown]","accountName":"aimodels-jlz0bs","contentFilters":[],"customSubDomain":"aimodels-jlz0bs","dep...';
const CREATE_FOUNDRY = [
    "  +   create          resources:ResourceGroup  aimodels-rg  (rg-aimodels)",
    "  +   create          random:index/randomString:RandomString  aimodels-suffix",
    "  +   create          operationalinsights:Workspace  aimodels-log  (log-aimodels)",
    "  +   create          cognitiveservices:Account  aimodels-account  (aimodels-jlz0bs)",
    "  +   create          monitor:DiagnosticSetting  aimodels-diagnostics  (to-log-analytics)",
    "  +   create          authorization:RoleAssignment  aimodels-user-00000000-0000-0000-0000-000000000001",
    "  +   create          cognitiveservices:Deployment  aimodels-ministral-deployment  (ministral)",
];
const DELETE_SERVERLESS = [
    "  -   delete          random:index/randomString:RandomString  ministral-suffix",
    "  -   delete          machinelearningservices:MarketplaceSubscription  chat-Ministral-3B-sub  (Ministral-3B)",
    "  -   delete          machinelearningservices:ServerlessEndpoint  ministral-endpoint  (ministral-2wp2hg)",
];
const DESTRUCTIVE = [
    "Destructive changes (2):",
    "  ✗ Marketplace subscription Ministral-3B (chat-Ministral-3B-sub) is deleted: endpoints that use the offer in this workspace stop working",
    "  ✗ serverless endpoint ministral-2wp2hg (ministral-endpoint) is deleted: clients calling https://ministral-2wp2hg.eastus2.models.ai.azure.com lose it",
    "  Not acknowledged: --fail-on-destructive fails this diff. To go ahead, pass --allow-destructive (the pull request workflow does when the pull request has the label allow-destructive-changes).",
];

describe("moving Ministral-3B from a serverless endpoint to a Foundry deployment", () => {
    it("step 1 (deploy new) creates the Foundry resource and deployment, nothing destructive, the old outputs unchanged", () => {
        const d = diffOf(before, step1);
        expect(d.destructive).toEqual([]);
        expect(d.outputs.map((o) => o.path)).toEqual(["foundry"]);
        expect(text(d)).toEqual([
            HEADER,
            "Changes: 7 to create, 0 to update, 0 to replace, 0 to delete, 0 may change; 19 unchanged",
            "Policies: passed (0 mandatory, 1 advisory)",
            "",
            "Resources:",
            ...CREATE_FOUNDRY,
            "",
            "Stack outputs:",
            FOUNDRY_OUTPUT,
        ]);
        // What clients switch to: the Foundry deployment's base URL, model and Entra scope.
        const foundry = step1.outputs.find((o) => o.name === "foundry")!.value as {
            deployments: Record<string, Record<string, unknown>>;
        };
        expect(foundry.deployments.ministral).toMatchObject({
            model: "ministral",
            openAiBaseUrl: "https://aimodels-jlz0bs.openai.azure.com/openai/v1/",
            entraScope: "https://cognitiveservices.azure.com/.default",
        });
    });

    it("step 2 (remove old, after clients moved) deletes the endpoint and its subscription, flagged destructive", () => {
        const d = diffOf(step1, step2);
        expect(d.outputs.map((o) => o.path)).toEqual(["deployments.ministral"]);
        expect(text(d)).toEqual([
            HEADER,
            "Changes: 0 to create, 0 to update, 0 to replace, 3 to delete, 0 may change; 23 unchanged",
            "Policies: passed (0 mandatory, 1 advisory)",
            "",
            ...DESTRUCTIVE,
            "",
            "Resources:",
            ...DELETE_SERVERLESS,
            "",
            "Stack outputs:",
            "  - deployments.ministral",
        ]);
    });

    it("one change doing both would delete the endpoint clients still call in the same run", () => {
        const d = diffOf(before, step2);
        expect(d.destructive.length).toBe(2);
        expect(text(d)).toEqual([
            HEADER,
            "Changes: 7 to create, 0 to update, 0 to replace, 3 to delete, 0 may change; 16 unchanged",
            "Policies: passed (0 mandatory, 1 advisory)",
            "",
            ...DESTRUCTIVE,
            "",
            "Resources:",
            ...DELETE_SERVERLESS,
            ...CREATE_FOUNDRY,
            "",
            "Stack outputs:",
            "  - deployments.ministral",
            FOUNDRY_OUTPUT,
        ]);
    });
});
