/**
 * The plan command as a user runs `npm run plan`: the real `infra/index.ts` under the mock runtime, reading
 * Pulumi.yaml and the stack file. In this process (the command's own function, its exit code and output); the
 * process around it is checked in process.test.ts.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { BAD_CASES, EXPECTED } from "../config/cases";

import { plan, ROOT } from "../helpers/planCommand";

/** A project folder whose Pulumi.yaml runs this repository's stack program, with one stack file. */
function project(stack: string, config: Record<string, unknown>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "aim-plan-"));
    writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        stringify({ name: "azure-ai-models", runtime: "nodejs", main: path.join(ROOT, "infra/index.ts") }),
    );
    writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), stringify({ config }));
    return dir;
}

const namespaced = (values: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [`azure-ai-models:${k}`, v]));

interface JsonResource {
    urn: string;
    type: string;
    name: string;
    parent?: string;
    dependencies: string[];
    inputs: Record<string, unknown>;
    options: { deleteBeforeReplace?: boolean };
}

describe("npm run plan", () => {
    it("prints the dev stack's hub, project, subscriptions and endpoints with their dependencies", async () => {
        const r = await plan(["--today", "2026-11-21"]);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        const out = r.stdout;
        expect(out).toContain(
            "Plan: stack dev of azure-ai-models (offline, preview semantics; lifecycle checked on 2026-11-21)",
        );
        expect(out).toContain("Resources: 28 to create (19 cloud resources, 8 components and the stack)");
        expect(out).toMatch(
            /\+ machinelearningservices:Workspace {2}aimodels-dev-ws {2}\[replaceOnChanges: storageAccount, keyVault\]\n {10}workspaceName: aimodels-dev-[a-z0-9]{6}\n {10}kind: Hub/,
        );
        expect(out).toMatch(
            /\+ machinelearningservices:Workspace {2}aimodels-dev-chat-ws.*\n(.*\n)* {10}depends on: aimodels-dev-ws \(Workspace\)/,
        );
        expect(out).toContain("+ machinelearningservices:MarketplaceSubscription  chat-Ministral-3B-sub");
        expect(out).toContain(
            "+ machinelearningservices:ServerlessEndpoint  ministral-endpoint  [deleteBeforeReplace]",
        );
        expect(out).toMatch(
            /depends on: chat-Ministral-3B-sub \(MarketplaceSubscription\), aimodels-dev-rg \(ResourceGroup\), aimodels-dev-chat-ws \(Workspace\)/,
        );
        // The models of 2026 beside Ministral-3B, in the catalog's spelling; the subscription name has no dots.
        expect(out).toContain(
            "properties.modelSettings.modelId: azureml://registries/azureml-mistral/models/mistral-small-2503",
        );
        expect(out).toMatch(
            /\+ machinelearningservices:MarketplaceSubscription {2}chat-Llama-3\.3-70B-Instruct-sub\n {10}name: Llama-3-3-70B-Instruct\n/,
        );
        expect(out).toMatch(
            /depends on: chat-Llama-3\.3-70B-Instruct-sub \(MarketplaceSubscription\), aimodels-dev-rg \(ResourceGroup\), aimodels-dev-chat-ws \(Workspace\)/,
        );
        expect(out).toContain('"primaryKey": "[secret]"');
        expect(out).toContain('"uri": "[unknown]"');
    });

    it("plans the dev stack without a lifecycle warning a year ahead (no catalog date before 2027-06-01)", async () => {
        const r = await plan(["--today", "2027-06-01"]);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        // Lifecycle warnings read "X is legacy since ..." / "X was retired on ..." (route notes about the retired
        // inference SDK are outputs, not warnings).
        expect(r.stdout).not.toMatch(/ is (legacy|deprecated) since | was retired on /);
    });

    it("plans the managed-compute example stack: endpoints, deployments, traffic and the quota to request", async () => {
        const r = await plan(["--stack", "managed", "--today", "2026-11-21"]);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        const out = r.stdout;
        expect(out).toMatch(
            /\+ machinelearningservices:OnlineEndpoint {2}mixtral-endpoint\n {10}endpointName: mixtral-[a-z0-9]{6}\n(.*\n)* {10}properties\.authMode: AADToken/,
        );
        for (const d of ["blue", "green", "shadow"])
            expect(out).toContain(
                `+ machinelearningservices:OnlineDeployment  mixtral-${d}-deployment  [deleteBeforeReplace]`,
            );
        expect(out).toMatch(
            /\+ dynamic:EndpointTraffic {2}mixtral-traffic\n {10}endpointName: mixtral-[a-z0-9]{6}\n {10}traffic: \{"blue":90,"green":10,"shadow":0\}\n {10}mirrorTraffic: \{"shadow":10\}\n {10}depends on: mixtral-blue-deployment \(OnlineDeployment\), mixtral-green-deployment \(OnlineDeployment\), mixtral-shadow-deployment \(OnlineDeployment\)/,
        );
        expect(out).toContain(
            "Quota to request for managed compute (cores per region and VM family; 20% reserve where the size needs it):",
        );
        // Mistral-7B on NC12s_v3 autoscaling to 3: ceil(1.2 x 3) = 4 instances x 12 vCPUs; the A100 and V100 ND sizes are exempt.
        expect(out).toMatch(/eastus2 {2}Standard NCSv3 Family {8}3 {10}48 {5}yes {6}mistral7b-[a-z0-9]{6}\/main/);
        expect(out).toMatch(
            /eastus2 {2}Standard NDAMSv4_A100Family {2}2 {10}192 {4}no {7}mixtral-[a-z0-9]{6}\/blue, mixtral-[a-z0-9]{6}\/green/,
        );
        expect(out).toMatch(/eastus2 {2}Standard NDSv2 Family {8}1 {10}40 {5}no {7}mixtral-[a-z0-9]{6}\/shadow/);
    });

    it("--json carries resources with parents and dependency edges, and masked outputs", async () => {
        const r = await plan(["--json", "--stack", "dev", "--today", "2026-11-21"]);
        expect(r.code).toBe(0);
        const json = JSON.parse(r.stdout) as {
            resources: JsonResource[];
            outputs: { name: string; value: unknown; secretPaths: string[] }[];
            errors: string[];
        };
        expect(json.errors).toEqual([]);
        const find = (name: string) => json.resources.find((x) => x.name === name)!;
        const endpoint = find("ministral-endpoint");
        expect(endpoint.dependencies).toContain(find("chat-Ministral-3B-sub").urn);
        expect(endpoint.parent).toBe(find("ministral").urn);
        expect(endpoint.options.deleteBeforeReplace).toBe(true);
        expect(find("aimodels-dev-chat-ws").dependencies).toContain(find("aimodels-dev-ws").urn);
        expect(find("chat-Ministral-3B-sub").dependencies).toContain(find("aimodels-dev-chat-ws").urn);
        const deployments = json.outputs.find((o) => o.name === "deployments")!;
        expect(deployments.secretPaths).toEqual([
            "deployments.llama.primaryKey",
            "deployments.llama.secondaryKey",
            "deployments.ministral.primaryKey",
            "deployments.ministral.secondaryKey",
            "deployments.mistral-small.primaryKey",
            "deployments.mistral-small.secondaryKey",
        ]);
        expect(r.stdout).not.toContain("rawValue");
    });

    it("fails with exactly the validation messages for bad config, and nothing else", async () => {
        for (const name of ["many mistakes at once", "misspelt top-level key", "retired model"]) {
            const bad = BAD_CASES.find((c) => c.name === name)!;
            const r = await plan([
                "--stack",
                "bad",
                "--today",
                "2026-11-21",
                "--dir",
                project("bad", namespaced(bad.config)),
            ]);
            expect(r.code).toBe(1);
            expect(r.stdout).toBe("");
            const lines = EXPECTED[name];
            expect(r.stderr).toBe(
                [
                    "Plan: stack bad of azure-ai-models (offline, preview semantics; lifecycle checked on 2026-11-21)",
                    "",
                    `Invalid stack config: ${lines.length} problem${lines.length === 1 ? "" : "s"}. Nothing would be deployed.`,
                    ...lines.map((l) => `  - ${l}`),
                    "",
                ].join("\n"),
            );
        }
    });

    it("shows secure config values as secrets instead of failing on them", async () => {
        const dir = project("prod", {
            "azure-native:clientSecret": { secure: "v1:AAAABBBBCCCC" },
            ...namespaced({
                workspace: {
                    name: "aim",
                    location: "eastus",
                    network: { accessManagedElsewhere: true },
                    tags: { owner: { secure: "v1:DDDDEEEE" } },
                    projects: [{ name: "app" }],
                },
                deployments: [{ name: "m3b", model: "Ministral-3B", project: "app" }],
            }),
        });
        const r = await plan(["--stack", "prod", "--json", "--dir", dir]);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        const json = JSON.parse(r.stdout) as { resources: JsonResource[] };
        // The CLI marks the whole key secret (azure-ai-models:workspace): the tags input holding it is secret.
        expect(json.resources.find((x) => x.name === "aim-rg")!.inputs.tags).toBe("[secret]");
        expect(r.stdout).not.toContain("v1:DDDDEEEE");
    });

    it("says which stack file is missing, and rejects unknown options", async () => {
        const missing = await plan(["--stack", "nope"]);
        expect(missing.code).toBe(2);
        expect(missing.stderr).toBe(`no stack file Pulumi.nope.yaml in ${ROOT} (stack "nope")\n`);
        const bad = await plan(["--stak", "dev"]);
        expect(bad.code).toBe(2);
        expect(bad.stderr).toContain(
            "usage: npm run plan -- [--stack NAME] [--json] [--today YYYY-MM-DD] [--dir PROJECT_DIR]",
        );
    });
});
