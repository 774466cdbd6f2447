/**
 * The examples in `examples/`, planned as a user plans them (`npm run plan -- --dir examples/<name>`, the plan
 * command in this process); examples.e2e.test.ts type-checks them against the library's declarations. They import
 * `azure-ai-models` by name, which inside this repository resolves to the built `dist/` (Node's package
 * self-reference): see test/package/dist.ts. The YAML program cannot run here (no Pulumi CLI): it is checked against
 * the schema the component package's provider serves.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parse } from "yaml";
import { PACKAGE_NAME } from "../../infra/provider";
import { loadStackReferences, runPlan } from "../../plan/run/run";
import { plan, type CommandRun } from "../helpers/planCommand";
import { packageSchema } from "../helpers/schema";
import { ensureDist, ROOT } from "../package/dist";
import { checkYamlProgram, type PackageSchema, type YamlProgram } from "./yamlProgram";

const EXAMPLES = path.join(ROOT, "examples");
const TODAY = "2026-11-21";

interface JsonResource {
    urn: string;
    type: string;
    name: string;
    parent?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    inputs: Record<string, unknown>;
    secretInputs: string[];
    options: { deleteBeforeReplace?: boolean };
}
interface JsonPlan {
    project: string;
    resources: JsonResource[];
    outputs: { name: string; value: unknown; secret: boolean; secretPaths: string[] }[];
    errors: string[];
    policies?: { passed: boolean; violations: { policyName: string }[] };
}

const resourceSet = (p: JsonPlan) => p.resources.map((r) => `${r.type} ${r.name}`).sort();
const find = (p: JsonPlan, name: string) => {
    const r = p.resources.find((x) => x.name === name);
    if (!r) throw new Error(`no resource ${name}; have ${p.resources.map((x) => x.name).join(", ")}`);
    return r;
};

/** Types that would mean the example creates the platform team's hub, project or workspace. */
const WORKSPACE_TYPES = [
    "azure-native:machinelearningservices:Workspace",
    "azure-ai-models:index:AiWorkspace",
    "azure-ai-models:index:AiProject",
    "azure-native:resources:ResourceGroup",
];

beforeAll(() => ensureDist(inject("azureAiModelsDistBuilt")), 300_000);

describe("examples/app-stack: deployments added to an existing project", () => {
    let json: JsonPlan;
    beforeAll(async () => {
        const r = await plan(["--dir", "examples/app-stack", "--json", "--today", TODAY]);
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
        json = JSON.parse(r.stdout) as JsonPlan;
    }, 180_000);

    it("plans exactly a Marketplace subscription, a serverless endpoint and a managed endpoint with one deployment", () => {
        expect(json.project).toBe("ai-app-stack");
        expect(json.errors).toEqual([]);
        expect(resourceSet(json)).toEqual(
            [
                "pulumi:pulumi:Stack ai-app-stack-dev",
                "azure-ai-models:index:MarketplaceModelSubscription chat-k3v9qz-Ministral-3B",
                "azure-native:machinelearningservices:MarketplaceSubscription chat-k3v9qz-Ministral-3B-sub",
                "azure-ai-models:index:ServerlessModelEndpoint team-chat",
                "random:index/randomString:RandomString team-chat-suffix",
                "azure-native:machinelearningservices:ServerlessEndpoint team-chat-endpoint",
                "azure-ai-models:index:ManagedOnlineEndpoint team-llm",
                "random:index/randomString:RandomString team-llm-suffix",
                "azure-native:machinelearningservices:OnlineEndpoint team-llm-endpoint",
                "pulumi-nodejs:dynamic:EndpointTraffic team-llm-traffic",
                "azure-ai-models:index:ManagedModelDeployment team-llm-blue",
                "azure-native:machinelearningservices:OnlineDeployment team-llm-blue-deployment",
            ].sort(),
        );
        expect(json.policies?.passed).toBe(true);
    });

    it("creates no hub, project, workspace or resource group, and puts everything in the existing project", () => {
        expect(json.resources.filter((r) => WORKSPACE_TYPES.includes(r.type))).toEqual([]);
        for (const name of [
            "chat-k3v9qz-Ministral-3B-sub",
            "team-chat-endpoint",
            "team-llm-endpoint",
            "team-llm-blue-deployment",
        ]) {
            expect(find(json, name).inputs).toMatchObject({
                resourceGroupName: "rg-platform-ai",
                workspaceName: "chat-k3v9qz",
            });
        }
        expect(find(json, "team-llm-traffic").inputs).toMatchObject({
            resourceGroupName: "rg-platform-ai",
            workspaceName: "chat-k3v9qz",
            traffic: { blue: 100 },
        });
    });

    it("subscribes before deploying, applies traffic after the deployment, and exports the key only as a secret", () => {
        const endpoint = find(json, "team-chat-endpoint");
        expect(endpoint.dependencies).toContain(find(json, "chat-k3v9qz-Ministral-3B-sub").urn);
        expect(endpoint.options.deleteBeforeReplace).toBe(true);
        expect(endpoint.inputs).toMatchObject({
            sku: { name: "Consumption" },
            properties: {
                modelSettings: { modelId: "azureml://registries/azureml-mistral/models/Ministral-3B" },
                contentSafety: { contentSafetyStatus: "Enabled" },
            },
        });
        expect(find(json, "team-llm-traffic").dependencies).toContain(find(json, "team-llm-blue-deployment").urn);
        expect(find(json, "team-llm-blue-deployment").inputs).toMatchObject({
            properties: {
                model: "azureml://registries/azureml/models/mistralai-Mistral-7B-Instruct-v0-2/versions/6",
                instanceType: "Standard_NC12s_v3",
            },
        });
        const outputs = Object.fromEntries(json.outputs.map((o) => [o.name, o]));
        expect(outputs.chatKey).toMatchObject({ value: "[secret]", secret: true });
        expect(outputs.chatEndpoint).toMatchObject({
            secret: false,
            value: { model: "Ministral-3B", tokensPerMinute: 200000, requestsPerMinute: 1000 },
        });
        expect(outputs.llmEndpoint.value).toMatchObject({ authorization: { header: "Authorization" } });
    });
});

describe("examples/consume-outputs: StackReferences' client outputs (serverless and Foundry) in app settings", () => {
    const dir = path.join(EXAMPLES, "consume-outputs");
    const references = path.join(dir, "stack-references.dev.yaml");
    const fixture = parse(readFileSync(references, "utf8")) as Record<
        string,
        {
            outputs: {
                deployments: Record<
                    string,
                    { primaryKey: string; secondaryKey: string; client: { baseURL: string; model: string } }
                >;
                foundry: {
                    deployments: Record<string, { openAiBaseUrl: string; model: string; entraScope: string }>;
                };
            };
        }
    >;
    const ministral = fixture["org/azure-ai-models/dev"].outputs.deployments.ministral;
    const mistralLarge = fixture["org/azure-ai-models/foundry"].outputs.foundry.deployments["mistral-large"];
    const STACK_REFERENCE =
        "urn:pulumi:dev::ai-consumer-app::pulumi:pulumi:Stack$pulumi:pulumi:StackReference::org/azure-ai-models/dev";

    let run: CommandRun;
    let json: JsonPlan;
    beforeAll(async () => {
        run = await plan(["--dir", "examples/consume-outputs", "--stack-references", references, "--json"]);
        expect(run.stderr).toBe("");
        expect(run.code).toBe(0);
        json = JSON.parse(run.stdout) as JsonPlan;
    }, 180_000);

    it("plans the app's resource group, plan and web app, and nothing of the platform's", () => {
        expect(resourceSet(json)).toEqual(
            [
                "pulumi:pulumi:Stack ai-consumer-app-dev",
                "azure-native:resources:ResourceGroup chat-app-rg",
                "azure-native:web:AppServicePlan chat-app-plan",
                "azure-native:web:WebApp chat-app",
            ].sort(),
        );
        expect(json.policies?.passed).toBe(true);
    });

    it("gives the web app settings that come from the StackReference, as a secret", () => {
        const app = find(json, "chat-app");
        expect(app.secretInputs).toEqual(["siteConfig"]);
        expect(app.inputs.siteConfig).toBe("[secret]");
        expect(app.propertyDependencies.siteConfig).toContain(STACK_REFERENCE);
        expect(app.inputs).toMatchObject({ httpsOnly: true });
    });

    it("exports the base URLs in the clear and the key nowhere", async () => {
        // appPrincipalId is there too once Azure has created the app's identity; the offline plan has no value for it.
        expect(json.outputs.map((o) => o.name).sort()).toEqual(["appUrl", "foundryModel", "modelBaseUrl"]);
        expect(json.outputs.find((o) => o.name === "modelBaseUrl")).toMatchObject({
            value: ministral.client.baseURL,
            secret: false,
        });
        expect(json.outputs.find((o) => o.name === "foundryModel")).toMatchObject({
            value: { baseURL: "https://aimodels-jlz0bs.openai.azure.com/openai/v1/", model: "mistral-large" },
            secret: false,
        });
        for (const key of [ministral.primaryKey, ministral.secondaryKey]) expect(run.stdout).not.toContain(key);
        const text = await plan(["--dir", "examples/consume-outputs", "--stack-references", references]);
        expect(text.code).toBe(0);
        for (const key of [ministral.primaryKey, ministral.secondaryKey]) expect(text.stdout).not.toContain(key);
    }, 180_000);

    it("hands the serverless client (base URL, model, key) and the Foundry deployment (base URL, model, scope) to the app (in-process plan, raw inputs)", async () => {
        const p = await runPlan({
            projectDir: dir,
            stack: "dev",
            stackReferences: loadStackReferences(references),
            policies: false,
        });
        expect(p.errors).toEqual([]);
        const app = p.resources.find((r) => r.name === "chat-app")!;
        expect(app.secretInputs).toEqual(["siteConfig"]);
        const settings = (app.inputs.siteConfig as { appSettings: { name: string; value: string }[] }).appSettings;
        expect(settings).toEqual([
            { name: "AZURE_AI_BASE_URL", value: "https://ministral-x7k2pq.eastus2.models.ai.azure.com/v1" },
            { name: "AZURE_AI_MODEL", value: "Ministral-3B" },
            { name: "AZURE_AI_API_KEY", value: ministral.primaryKey },
            { name: "FOUNDRY_OPENAI_BASE_URL", value: mistralLarge.openAiBaseUrl },
            { name: "FOUNDRY_MODEL", value: "mistral-large" },
            { name: "FOUNDRY_ENTRA_SCOPE", value: "https://cognitiveservices.azure.com/.default" },
        ]);
        // The identity whose Entra ID token the Foundry deployment accepts once it has the Foundry User role.
        expect(app.inputs.identity).toEqual({ type: "SystemAssigned" });
        // Still secret when it leaves the stack: no output carries it, in the clear or otherwise.
        expect(JSON.stringify(p.outputs.map((o) => o.rawValue))).not.toContain(ministral.primaryKey);
    }, 180_000);
});

describe("examples/yaml-program: Pulumi YAML with the component package (checked against the schema, not run)", () => {
    const program = parse(readFileSync(path.join(EXAMPLES, "yaml-program/Pulumi.yaml"), "utf8")) as YamlProgram;
    let schema: PackageSchema;
    beforeAll(async () => {
        schema = JSON.parse(await packageSchema()) as PackageSchema;
    }, 180_000);

    it("adds this repository as the package azure-ai-models", () => {
        expect(program.packages).toEqual({ [PACKAGE_NAME]: "../.." });
        const source = path.resolve(EXAMPLES, "yaml-program", "../..");
        expect(source).toBe(ROOT);
        expect(existsSync(path.join(source, "PulumiPlugin.yaml"))).toBe(true);
    });

    it("uses only types, inputs and outputs the package's schema has, with every required input", () => {
        const types = Object.values(program.resources ?? {}).map((r) => r.type);
        expect(types).toEqual([
            "azure-ai-models:index:MarketplaceModelSubscription",
            "azure-ai-models:index:ServerlessModelEndpoint",
        ]);
        expect(checkYamlProgram(program, schema)).toEqual([]);
    });

    it("exports the key through an output the schema marks secret", () => {
        expect(program.outputs?.primaryKey).toBe("${ministral.primaryKey}");
        expect(schema.resources["azure-ai-models:index:ServerlessModelEndpoint"].properties?.primaryKey.secret).toBe(
            true,
        );
    });

    it("the check finds each kind of mistake", () => {
        const clone = () =>
            structuredClone(program) as Required<Pick<YamlProgram, "resources" | "outputs">> & YamlProgram;
        const cases: [string, (p: ReturnType<typeof clone>) => void, string][] = [
            [
                "unknown type",
                (p) => (p.resources.ministral.type = "azure-ai-models:index:ServerlessEndpoint"),
                "resources.ministral: azure-ai-models has no resource type azure-ai-models:index:ServerlessEndpoint",
            ],
            [
                "unknown input",
                (p) => (p.resources.ministral.properties!.modelID = "x"),
                "resources.ministral.properties.modelID: not an input of azure-ai-models:index:ServerlessModelEndpoint",
            ],
            [
                "missing required input",
                (p) => delete p.resources.ministral.properties!.modelId,
                "resources.ministral.properties.modelId: required by azure-ai-models:index:ServerlessModelEndpoint",
            ],
            [
                "bad enum value",
                (p) => (p.resources.ministral.properties!.contentSafety = "Off"),
                'resources.ministral.properties.contentSafety: "Off" is not one of "Enabled", "Disabled"',
            ],
            [
                "wrong literal type",
                (p) => (p.resources.ministral.properties!.tags = { costCenter: 4713 }),
                "resources.ministral.properties.tags.costCenter: expected a string, got 4713",
            ],
            [
                "unknown output",
                (p) => (p.outputs.uri = "${ministral.url}"),
                "outputs.uri: ${ministral.url}: azure-ai-models:index:ServerlessModelEndpoint has no output url",
            ],
            [
                "unknown name",
                (p) => (p.outputs.uri = "${ministal.uri}"),
                "outputs.uri: ${ministal.uri} names nothing in the program",
            ],
            [
                "resource output into a plain input",
                (p) => (p.resources.ministral.properties!.endpointName = "${ministralSubscription.subscriptionName}"),
                "resources.ministral.properties.endpointName: a plain input",
            ],
        ];
        for (const [name, mutate, expected] of cases) {
            const p = clone();
            mutate(p);
            const problems = checkYamlProgram(p, schema);
            expect(problems, name).toHaveLength(1);
            expect(problems[0], name).toContain(expected);
        }
    });
});
