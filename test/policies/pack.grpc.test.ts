/**
 * The pack as the Pulumi CLI runs it: `policies/index.ts` in its own process, serving the analyzer gRPC protocol of
 * `@pulumi/policy`, driven here the way the engine drives it (Configure, then Analyze per resource with its inputs,
 * then AnalyzeStack with every resource's outputs). This proves the adapters (unknown values read through the
 * policy proxy, inputs captured for stack rules, config from the engine) without the CLI or Azure. What it cannot
 * prove: what the real engine sends (azure-native's preview outputs, schema defaults the CLI fills in).
 */
import { join } from "node:path";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import * as rpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeResource, call as callAnalyzer, resourceOptions, startAnalyzer, type Analyzer } from "./analyzer";
import { JAMBA_MINI, MISTRAL_LARGE_2411, PULUMI_UNKNOWN, RG, STACK_URN, urnOf } from "./harness";

const ROOT = join(__dirname, "../..");
const SECRET_SIG = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270" };
const TYPE = (kind: string) => `azure-native:machinelearningservices:${kind}`;

interface Fake {
    urn: string;
    type: string;
    name: string;
    inputs: Record<string, unknown>;
    /** What the engine hands AnalyzeStack: azure-native outputs lack resourceGroupName and workspaceName. */
    outputs: Record<string, unknown>;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

const hub: Fake = {
    urn: urnOf(TYPE("Workspace"), "hub"),
    type: TYPE("Workspace"),
    name: "hub",
    inputs: {
        resourceGroupName: RG,
        workspaceName: "hub",
        location: "swedencentral",
        kind: "Hub",
        tags: { owner: "a", costCenter: "b" },
    },
    outputs: { location: "swedencentral", name: "hub", kind: "Hub" },
    parent: STACK_URN,
};
/** Jamba in Sweden Central: sold only in the US regions; its workspace name is unknown during preview. */
const jamba: Fake = {
    urn: urnOf(TYPE("ServerlessEndpoint"), "jamba"),
    type: TYPE("ServerlessEndpoint"),
    name: "jamba",
    inputs: {
        resourceGroupName: RG,
        workspaceName: PULUMI_UNKNOWN,
        location: PULUMI_UNKNOWN,
        sku: { name: "Consumption" },
        properties: {
            authMode: "Key",
            modelSettings: { modelId: JAMBA_MINI },
            contentSafety: { contentSafetyStatus: "Enabled" },
        },
        tags: { owner: "a", costCenter: "b" },
    },
    outputs: { properties: { modelSettings: { modelId: JAMBA_MINI } } },
    parent: STACK_URN,
    dependencies: [hub.urn],
    propertyDependencies: { workspaceName: [hub.urn] },
};
const stack: Fake = {
    urn: STACK_URN,
    type: "pulumi:pulumi:Stack",
    name: "azure-ai-models-dev",
    inputs: {},
    outputs: { deployments: { jamba: { primaryKey: { ...SECRET_SIG, value: "k" } } } },
};

let analyzer: Analyzer;
let client: rpc.AnalyzerClient;

function call<Req, Res>(method: "configure" | "analyze" | "analyzeStack", req: Req): Promise<Res> {
    return callAnalyzer<Req, Res>(client, method, req);
}

const options = resourceOptions;
const analyze = (r: Fake) => analyzeResource(client, r);

async function analyzeStack(resources: Fake[]): Promise<pb.AnalyzeDiagnostic[]> {
    const req = new pb.AnalyzeStackRequest();
    req.setResourcesList(
        resources.map((r) => {
            const a = new pb.AnalyzerResource();
            a.setType(r.type);
            a.setUrn(r.urn);
            a.setName(r.name);
            a.setProperties(Struct.fromJavaScript(r.outputs as never));
            a.setOptions(options(r.parent));
            if (r.parent) a.setParent(r.parent);
            a.setDependenciesList(r.dependencies ?? []);
            for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
                const deps = new pb.AnalyzerPropertyDependencies();
                deps.setUrnsList(urns);
                a.getPropertydependenciesMap().set(k, deps);
            }
            return a;
        }),
    );
    return (await call<pb.AnalyzeStackRequest, pb.AnalyzeResponse>("analyzeStack", req)).getDiagnosticsList();
}

beforeAll(async () => {
    // The pack's TypeScript compiled as the npm scripts compile theirs (plan/runTs.js).
    analyzer = await startAnalyzer([join(ROOT, "plan/runTs.js"), "policies/index.ts"], ROOT);
    client = analyzer.client;
    const config = new pb.ConfigureAnalyzerRequest();
    const regions = new pb.PolicyConfig();
    regions.setEnforcementlevel(pb.EnforcementLevel.MANDATORY);
    regions.setProperties(Struct.fromJavaScript({ allowedRegions: ["eastus2", "Sweden Central"] }));
    config.getPolicyconfigMap().set("allowed-regions", regions);
    const network = new pb.PolicyConfig();
    network.setEnforcementlevel(pb.EnforcementLevel.DISABLED);
    network.setProperties(Struct.fromJavaScript({}));
    config.getPolicyconfigMap().set("workspace-network-isolation", network);
    // Judge lifecycles on a day before Jamba 1.5 became legacy.
    for (const name of ["no-retired-models", "deprecated-models"]) {
        const lifecycle = new pb.PolicyConfig();
        lifecycle.setEnforcementlevel(
            name === "no-retired-models" ? pb.EnforcementLevel.MANDATORY : pb.EnforcementLevel.ADVISORY,
        );
        lifecycle.setProperties(Struct.fromJavaScript({ today: "2025-01-01" }));
        config.getPolicyconfigMap().set(name, lifecycle);
    }
    await call("configure", config);
});

afterAll(() => analyzer?.close());

describe("the pack under @pulumi/policy's analyzer server", () => {
    it("runs resource rules on inputs, with the engine's config, and skips unknowns silently", async () => {
        expect(await analyze({ ...hub, inputs: { ...hub.inputs, location: "westeurope" } })).toEqual([
            [
                "allowed-regions",
                'Workspace "hub" is in region "westeurope", which is not allowed. Allowed regions: eastus2 and swedencentral. ' +
                    'Set its location to one of them, or add "westeurope" to the allowed-regions config (allowedRegions).',
            ],
        ]);
        // Unknown location and workspace: no violation, and no "can't run policy during preview" diagnostic either.
        expect(await analyze(hub)).toEqual([]);
        expect(await analyze(jamba)).toEqual([]);
        expect(await analyze(stack)).toEqual([]);
    });

    it("runs stack rules on the captured inputs, with dependencies, and cannot see secret outputs", async () => {
        for (const r of [stack, hub, jamba]) await analyze(r);
        const diagnostics = await analyzeStack([stack, hub, jamba]);
        expect(diagnostics.map((d) => [d.getPolicyname(), d.getUrn(), d.getEnforcementlevel()])).toEqual([
            ["serverless-endpoint-has-subscription", jamba.urn, pb.EnforcementLevel.MANDATORY],
            ["model-available-in-region", jamba.urn, pb.EnforcementLevel.MANDATORY],
        ]);
        expect(diagnostics[1].getMessage()).toContain('in region "swedencentral" (from Workspace "hub")');
        expect(diagnostics[0].getMessage()).toContain(`in workspace "hub" (resource group "${RG}")`);
    });

    it("judges a Marketplace endpoint whose subscription it depends on as compliant", async () => {
        const sub: Fake = {
            urn: urnOf(TYPE("MarketplaceSubscription"), "sub"),
            type: TYPE("MarketplaceSubscription"),
            name: "sub",
            inputs: { resourceGroupName: RG, workspaceName: "hub", properties: { modelId: MISTRAL_LARGE_2411 } },
            outputs: { properties: { modelId: MISTRAL_LARGE_2411 } },
            parent: STACK_URN,
        };
        const chat: Fake = {
            ...jamba,
            urn: urnOf(TYPE("ServerlessEndpoint"), "chat"),
            name: "chat",
            inputs: {
                ...jamba.inputs,
                properties: { authMode: "Key", modelSettings: { modelId: MISTRAL_LARGE_2411 } },
            },
            dependencies: [hub.urn, sub.urn],
        };
        for (const r of [stack, hub, sub, chat]) await analyze(r);
        expect((await analyzeStack([stack, hub, sub, chat])).map((d) => d.getPolicyname())).toEqual([]);
    });
});
