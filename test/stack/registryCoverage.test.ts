/**
 * Every azure-native type anything in this repository registers has a record in the resource-type registry
 * (`infra/catalog/resourceTypes/`), and every record is used. The registered types are collected by running the programs
 * under the mock runtime: every root stack file (`Pulumi.*.yaml`, found by glob), every fixture stack, the
 * TypeScript examples, the YAML example's declared types, and a fully configured workspace (the one component option
 * no stack file turns on: the container registry).
 *
 * What this cannot prove: that a record's facts are right (their sources say where each comes from), nor types a
 * program registers only under configuration none of these use.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { RESOURCE_TYPES, resourceTypeOf } from "../../infra/catalog";
import { AiWorkspace } from "../../infra/components";
import { PUBLISHED_COMPONENTS, componentToken } from "../../infra/provider";
import { loadStackReferences, runPlan } from "../../plan/run/run";
import { construct } from "../components/construct";
import { ensureDist } from "../package/dist";
import { planOf, ROOT, stackFileConfig } from "../review/plans";

const TODAY = new Date("2026-11-21T00:00:00Z");
const FIXTURES = path.join(ROOT, "test/fixtures/stacks");
const EXAMPLES = path.join(ROOT, "examples");
/**
 * The one fixture whose program never finishes (its only resource waits on a promise nobody settles: the plan's
 * time-out test). Its one type, a resource group, is registered by every other stack.
 */
const NEVER_FINISHES = "never-finishes";

/** Types registered, each with where: `Pulumi.dev.yaml`, `fixture compliant`, ... */
const registeredBy = new Map<string, Set<string>>();
const record = (where: string, types: Iterable<string>) => {
    for (const t of types) registeredBy.set(t, new Set([...(registeredBy.get(t) ?? []), where]));
};
/** Where each program ran and how many resources it registered (a program that registers nothing proves nothing). */
const runs: { where: string; resources: number; errors: string[] }[] = [];

async function collectPlan(where: string, plan: Awaited<ReturnType<typeof runPlan>>): Promise<void> {
    runs.push({ where, resources: plan.resources.length, errors: plan.errors });
    record(
        where,
        plan.resources.map((r) => r.type),
    );
}

beforeAll(async () => {
    ensureDist(inject("azureAiModelsDistBuilt"));
    const stackFiles = readdirSync(ROOT).filter((f) => /^Pulumi\.[\w-]+\.yaml$/.test(f));
    for (const file of stackFiles) {
        const stack = file.split(".")[1];
        await collectPlan(file, await planOf(stackFileConfig(path.join(ROOT, file)), { stack }));
    }
    for (const name of readdirSync(FIXTURES)) {
        const dir = path.join(FIXTURES, name);
        if (name === NEVER_FINISHES || !existsSync(path.join(dir, "Pulumi.yaml"))) continue;
        await collectPlan(
            `fixture ${name}`,
            await runPlan({ projectDir: dir, stack: "test", today: TODAY, policies: false }),
        );
    }
    for (const name of readdirSync(EXAMPLES)) {
        const dir = path.join(EXAMPLES, name);
        if (!existsSync(path.join(dir, "Pulumi.yaml"))) continue;
        const project = parse(readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")) as {
            runtime: string | { name: string };
            resources?: Record<string, { type: string }>;
        };
        const runtime = typeof project.runtime === "string" ? project.runtime : project.runtime.name;
        if (runtime === "yaml") {
            // Not runnable here (no Pulumi CLI): its declared resource types are what it registers.
            record(
                `example ${name}`,
                Object.values(project.resources ?? {}).map((r) => r.type),
            );
            continue;
        }
        const references = path.join(dir, "stack-references.dev.yaml");
        const plan = await runPlan({
            projectDir: dir,
            stack: "dev",
            today: TODAY,
            policies: false,
            ...(existsSync(references) ? { stackReferences: loadStackReferences(references) } : {}),
        });
        await collectPlan(`example ${name}`, plan);
    }
    const workspace = await construct(
        () =>
            new AiWorkspace("hub", {
                workspaceName: "aimodels",
                location: "eastus2",
                containerRegistry: true,
                aiDevelopers: [{ principalId: "00000000-0000-0000-0000-000000000001" }],
            }),
    );
    runs.push({ where: "AiWorkspace (all options)", resources: workspace.resources.length, errors: [] });
    record(
        "AiWorkspace (all options)",
        workspace.resources.map((r) => r.type),
    );
}, 300_000);

describe("registry coverage", () => {
    it("ran every stack file, fixture and example, and each program that plans resources registered some", () => {
        const wheres = runs.map((r) => r.where);
        expect(wheres).toEqual(
            expect.arrayContaining(["Pulumi.dev.yaml", "Pulumi.foundry.yaml", "Pulumi.managed.yaml"]),
        );
        expect(wheres).toEqual(expect.arrayContaining(["example app-stack", "example consume-outputs"]));
        // The root stacks are the fullest programs: each must have planned, not stopped at config errors.
        for (const r of runs.filter((x) => x.where.startsWith("Pulumi."))) {
            expect(r.errors, r.where).toEqual([]);
            expect(r.resources, r.where).toBeGreaterThan(10);
        }
    });

    it("ran every published component", () => {
        for (const c of PUBLISHED_COMPONENTS) {
            const token = componentToken(c.name as Parameters<typeof componentToken>[0]);
            expect(registeredBy.has(token), `${token} is registered by no stack, fixture or example`).toBe(true);
        }
    });

    it("has a record for every azure-native type anything in the repository registers", () => {
        const missing = [...registeredBy]
            .filter(([type]) => type.startsWith("azure-native:") && !resourceTypeOf(type))
            .map(([type, where]) => `${type} (registered by ${[...where].join(", ")})`);
        expect(missing, "add a record to infra/catalog/resourceTypes/ for each").toEqual([]);
    });

    it("every record names a type something in the repository registers", () => {
        const unused = RESOURCE_TYPES.filter((r) => !registeredBy.has(r.type)).map((r) => r.type);
        expect(unused).toEqual([]);
    });
});
