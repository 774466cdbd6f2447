/**
 * The destructive-change gate over the resource-type registry: every record marked destructive is removed from a
 * real plan (the root stacks', run in this process as `npm run plan -- --json` runs them) and the gate must fire
 * with the record's reason, as `npm run plan:diff -- --fail-on-destructive` does (it exits 4 exactly when
 * `gateBlocks` is true; diffCli.e2e.test.ts runs the command). And a changed resource group predicts every child of
 * a Foundry resource, and of a hub, as replaced.
 *
 * What this cannot prove: what Azure really deletes, nor what a real `pulumi preview` plans (see replacements.ts).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { destructiveConsequence, destructiveTypes, resourceTypeOf, typeName } from "../../infra/catalog";
import { diffPlans } from "../../plan/diff/diff";
import { gateBlocks, renderDiffText } from "../../plan/diff/diffRender";
import { projectStacks } from "../../plan/cli/stacks";
import type { Plan, PlannedResource } from "../../plan/run/types";
import { clone, planOf, ROOT, stackFileConfig } from "./plans";

const GATE = { enabled: true, allowed: false };
const stackConfig = (name: string) => stackFileConfig(`${ROOT}/Pulumi.${name}.yaml`);

let foundry: Plan;
let dev: Plan;
/** Every root stack's plan (Pulumi.<stack>.yaml, discovered), Foundry first. */
let all: Plan[];

beforeAll(async () => {
    foundry = await planOf(stackConfig("foundry"), { stack: "foundry" });
    dev = await planOf(stackConfig("dev"));
    const others = projectStacks(ROOT).filter((s) => s !== "foundry" && s !== "dev");
    all = [foundry, dev];
    for (const stack of others) all.push(await planOf(stackConfig(stack), { stack }));
}, 180_000);

/** The first resource of a type in the plans, Foundry first (its account is the Foundry one). */
function firstOf(type: string): { plan: Plan; resource: PlannedResource } | undefined {
    for (const plan of all) {
        const resource = plan.resources.find((r) => r.custom && r.type === type);
        if (resource) return { plan, resource };
    }
    return undefined;
}

describe("removing a resource of each destructive type fires the gate with its reason", () => {
    for (const record of destructiveTypes()) {
        it(`${typeName(record.type)} (${record.type})`, () => {
            const found = firstOf(record.type);
            expect(found, `no root stack registers ${record.type}: the gate test cannot exercise it`).toBeDefined();
            const { plan, resource } = found!;
            const head = { ...plan, resources: plan.resources.filter((r) => r.urn !== resource.urn) };
            const diff = diffPlans(plan, head);
            const entry = diff.destructive.find((d) => d.urn === resource.urn);
            expect(entry?.action).toBe("delete");
            const consequence = destructiveConsequence(resource.type, resource.inputs);
            const expected = consequence
                ? `is deleted: ${consequence}`
                : `is deleted: clients calling ${entry?.url?.before ?? "?"} lose it`;
            expect(entry?.detail).toBe(expected);
            expect(entry?.url?.before === undefined).toBe(record.clientUrl === undefined);
            expect(gateBlocks(diff, GATE)).toBe(true);
            const text = renderDiffText(diff, GATE);
            expect(text).toContain("Destructive changes");
            expect(text).toContain(entry!.message);
        });
    }

    it("names the Foundry resources as a reviewer knows them", () => {
        const removed = (type: string) => {
            const { plan, resource } = firstOf(type)!;
            const head = { ...plan, resources: plan.resources.filter((r) => r.urn !== resource.urn) };
            return diffPlans(plan, head).destructive.find((d) => d.urn === resource.urn)?.message;
        };
        expect(removed("azure-native:cognitiveservices:Deployment")).toBe(
            "Foundry deployment mistral-large (aimodels-mistral-large-deployment) is deleted: requests that name it as their model fail, and the quota it held (sku.capacity) is released to other deployments",
        );
        expect(removed("azure-native:cognitiveservices:RaiPolicy")).toMatch(
            /^content filter strict \(.+\) is deleted: its custom filter settings go with it$/,
        );
        expect(removed("azure-native:cognitiveservices:Project")).toMatch(
            /^Foundry project chat \(.+\) is deleted: what is stored in it goes with it, and its project endpoint stops answering$/,
        );
        expect(removed("azure-native:cognitiveservices:Account")).toMatch(
            /^Foundry account aimodels-\w{6} \(.+\) is deleted: its projects, model deployments and content filters go with it, its endpoints stop answering, and the name stays taken for 48 hours unless purged$/,
        );
    });
});

/** The diff of a stack against the same stack with another resource group. */
async function movedGroup(stack: "foundry" | "dev", base: Plan) {
    const config = clone(stackConfig(stack)) as Record<string, Record<string, unknown>>;
    const key = stack === "foundry" ? "azure-ai-models:foundry" : "azure-ai-models:workspace";
    config[key].resourceGroup = { name: "rg-moved", existing: false };
    const head = await planOf(config, stack === "foundry" ? { stack } : {});
    expect(head.errors).toEqual([]);
    return diffPlans(base, head);
}

describe("a changed resource group predicts every child replaced", () => {
    it("on a Foundry resource: the account, its projects, content filter, deployments, logs and roles", async () => {
        const diff = await movedGroup("foundry", foundry);
        const byType = (type: string) => diff.resources.filter((c) => c.type === type);
        const children = foundry.resources.filter((r) => r.custom && resourceTypeOf(r.type)?.parents?.length);
        expect(children.length).toBeGreaterThan(6);
        for (const child of children) {
            const change = diff.resources.find((c) => c.urn === child.urn);
            expect(change?.action, `${child.type} ${child.name}`).toBe("replace");
        }
        for (const type of ["Project", "RaiPolicy", "Deployment"]) {
            const changes = byType(`azure-native:cognitiveservices:${type}`);
            expect(changes.length).toBeGreaterThan(0);
            for (const c of changes) expect(c.action).toBe("replace");
        }
        // Every Foundry child is in the gate's list, replaced with the reason.
        for (const type of ["Account", "Project", "RaiPolicy", "Deployment"]) {
            const d = diff.destructive.filter((x) => x.type === `azure-native:cognitiveservices:${type}`);
            expect(d.length, type).toBe(byType(`azure-native:cognitiveservices:${type}`).length);
            for (const x of d) expect(x.detail).toMatch(/^(may be |is )replaced \(/);
        }
        expect(gateBlocks(diff, GATE)).toBe(true);
    });

    it("in a hub: the hub, its project, storage, key vault, logs, endpoints and subscriptions", async () => {
        const diff = await movedGroup("dev", dev);
        const children = dev.resources.filter((r) => r.custom && resourceTypeOf(r.type)?.parents?.length);
        expect(children.length).toBeGreaterThan(6);
        for (const child of children) {
            const change = diff.resources.find((c) => c.urn === child.urn);
            expect(change?.action, `${child.type} ${child.name}`).toBe("replace");
        }
        expect(gateBlocks(diff, GATE)).toBe(true);
    });
});
