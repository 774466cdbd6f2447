/**
 * Runs a rule both ways it runs for real: as the policy object the CLI calls (`validateResource` /
 * `validateStack` with fake `args` and a `reportViolation` collector), and through the offline plan's
 * `evaluatePolicies`. What this cannot prove: the engine's own behaviour (which resources it analyses, config
 * defaults it fills in); `pack.grpc.test.ts` drives the real `@pulumi/policy` server for that.
 */
import type { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";
import { expect } from "vitest";
import { evaluatePolicies, type PolicyViolation } from "../../plan/checks/policy";
import type { PlannedOutput, PlannedResource } from "../../plan/run/types";
import { mlType, type MlKind } from "../../policies/lib/azure";
import type { Rule } from "../../policies/lib/rule";
import { clearCapturedInputs, STACK_TYPE } from "../../policies/lib/view";

export const PROJECT = "azure-ai-models";
export const STACK_URN = `urn:pulumi:dev::${PROJECT}::${STACK_TYPE}::${PROJECT}-dev`;
/** Pulumi's unknown string, as the engine sends a value computed from another resource's output during preview. */
export const PULUMI_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const TODAY = "2026-11-21";

export const MISTRAL_LARGE_2411 = "azureml://registries/azureml-mistral/models/Mistral-Large-2411";
export const MINISTRAL_3B = "azureml://registries/azureml-mistral/models/Ministral-3B";
export const JAMBA_MINI = "azureml://registries/azureml-ai21/models/AI21-Jamba-1.5-Mini";
export const LLAMA3_8B = "azureml://registries/azureml-meta/models/Meta-Llama-3-8B-Instruct";
export const MIXTRAL_MANAGED = "azureml://registries/azureml/models/mistralai-Mixtral-8x7B-Instruct-v01/versions/11";

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:dev::${PROJECT}::${type}::${name}`;
}

/** A planned resource of an azure-native ML kind (or any type token), parented to the stack. */
export function res(
    kindOrType: MlKind | string,
    name: string,
    inputs: Record<string, unknown>,
    more: Partial<PlannedResource> = {},
): PlannedResource {
    const type = kindOrType.includes(":") ? kindOrType : mlType(kindOrType as MlKind);
    return {
        urn: urnOf(type, name),
        type,
        name,
        custom: true,
        parent: STACK_URN,
        dependencies: [],
        propertyDependencies: {},
        inputs,
        secretInputs: [],
        options: {},
        ...more,
    };
}

export function stackResource(): PlannedResource {
    return {
        urn: STACK_URN,
        type: STACK_TYPE,
        name: `${PROJECT}-dev`,
        custom: false,
        dependencies: [],
        propertyDependencies: {},
        inputs: {},
        secretInputs: [],
        options: {},
    };
}

export const RG = "rg-ai";

export function workspace(name: string, inputs: Record<string, unknown> = {}): PlannedResource {
    return res("Workspace", name, {
        resourceGroupName: RG,
        workspaceName: name,
        location: "eastus2",
        kind: "Hub",
        ...inputs,
    });
}

export function endpoint(
    name: string,
    modelId: unknown,
    inputs: Record<string, unknown> = {},
    more: Partial<PlannedResource> = {},
): PlannedResource {
    return res(
        "ServerlessEndpoint",
        name,
        {
            resourceGroupName: RG,
            workspaceName: "hub",
            name,
            sku: { name: "Consumption" },
            properties: {
                authMode: "Key",
                modelSettings: { modelId },
                contentSafety: { contentSafetyStatus: "Enabled" },
            },
            ...inputs,
        },
        more,
    );
}

export function subscription(name: string, modelId: unknown, inputs: Record<string, unknown> = {}): PlannedResource {
    return res("MarketplaceSubscription", name, {
        resourceGroupName: RG,
        workspaceName: "hub",
        name,
        properties: { modelId },
        ...inputs,
    });
}

export function deployment(
    name: string,
    properties: Record<string, unknown>,
    inputs: Record<string, unknown> = {},
): PlannedResource {
    return res("OnlineDeployment", name, {
        resourceGroupName: RG,
        workspaceName: "hub",
        endpointName: "scoring",
        deploymentName: name,
        sku: { name: "Default", capacity: 1 },
        properties: {
            endpointComputeType: "Managed",
            model: MIXTRAL_MANAGED,
            instanceType: "Standard_ND96asr_v4",
            ...properties,
        },
        ...inputs,
    });
}

export function output(name: string, rawValue: unknown, secretPaths: string[] = []): PlannedOutput {
    return { name, value: rawValue, secret: secretPaths.length > 0, secretPaths, rawValue };
}

/** A resource rule, a stack rule: what a test passes in. */
export interface Case {
    resources: PlannedResource[];
    outputs?: PlannedOutput[];
    /** The rule's config properties (not its enforcement level). */
    config?: Record<string, unknown>;
    /**
     * Stack rules in the CLI: the props the engine hands `validateStack`. Default `"captured"`: the engine's
     * outputs are `{}` and the rule must read the inputs its `validateResource` captured. `"inputs"`: no capture,
     * the outputs carry the inputs' shape.
     */
    stackProps?: "captured" | "inputs";
}

export interface Reported {
    message: string;
    urn?: string;
}

function baseArgs(config: Record<string, unknown>) {
    return {
        stackTags: new Map<string, string>(),
        getConfig: <T extends object>() => config as T,
        notApplicable: (reason?: string): never => {
            throw new Error(`notApplicable: ${reason}`);
        },
    };
}

function resourceArgs(r: PlannedResource, config: Record<string, unknown>): ResourceValidationArgs {
    return {
        ...baseArgs(config),
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.inputs,
        opts: {
            protect: false,
            ignoreChanges: [],
            aliases: [],
            additionalSecretOutputs: [],
            customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
            ...(r.parent ? { parent: r.parent } : {}),
        },
        isType: () => false,
        asType: () => undefined,
    };
}

/** The CLI path: the policy object with fake args. */
export function viaPolicy(rule: Rule, c: Case): Reported[] {
    const config = c.config ?? {};
    const reported: Reported[] = [];
    const collect = (message: string, urn?: string) =>
        reported.push({ message, ...(urn !== undefined ? { urn } : {}) });
    if (rule.kind === "resource") {
        for (const r of c.resources) {
            const before = reported.length;
            rule.validateResource(resourceArgs(r, config), collect);
            // A resource policy's violations are always on the resource being validated.
            for (const v of reported.slice(before)) v.urn = r.urn;
        }
        return reported;
    }
    clearCapturedInputs();
    const captured = (c.stackProps ?? "captured") === "captured";
    if (captured) for (const r of c.resources) rule.validateResource(resourceArgs(r, config));
    const outputs = Object.fromEntries((c.outputs ?? []).map((o) => [o.name, o.rawValue]));
    const fakes = new Map<string, PolicyResource>();
    for (const r of c.resources) {
        const props = r.type === STACK_TYPE ? outputs : captured ? {} : r.inputs;
        fakes.set(r.urn, {
            type: r.type,
            name: r.name,
            urn: r.urn,
            props,
            dependencies: [],
            propertyDependencies: {},
        } as unknown as PolicyResource);
    }
    for (const r of c.resources) {
        const f = fakes.get(r.urn)!;
        if (r.parent && fakes.has(r.parent)) f.parent = fakes.get(r.parent);
        f.dependencies = r.dependencies.flatMap((d) => fakes.get(d) ?? []);
        for (const [k, urns] of Object.entries(r.propertyDependencies))
            f.propertyDependencies[k] = urns.flatMap((d) => fakes.get(d) ?? []);
    }
    const args: StackValidationArgs = { ...baseArgs(config), resources: [...fakes.values()] };
    rule.validateStack(args, collect);
    clearCapturedInputs();
    return reported;
}

/** The offline plan path: `evaluatePolicies` with this rule's config, keeping this rule's violations. */
export function viaPlanViolations(rule: Rule, c: Case, packConfig: Record<string, unknown> = {}): PolicyViolation[] {
    const config = c.config ? { ...packConfig, [rule.name]: c.config } : packConfig;
    return evaluatePolicies(c.resources, c.outputs ?? [], config as never, { today: TODAY }).filter(
        (v) => v.policyName === rule.name,
    );
}

export function viaPlan(rule: Rule, c: Case): Reported[] {
    return viaPlanViolations(rule, c).map((v) => ({
        message: v.message,
        ...(v.urn !== undefined ? { urn: v.urn } : {}),
    }));
}

/** Runs both paths, checks they agree, and returns the messages. */
export function verdict(rule: Rule, c: Case): string[] {
    const cli = viaPolicy(rule, c);
    const plan = viaPlan(rule, c);
    expect(plan).toEqual(cli);
    return cli.map((r) => r.message);
}

// ---- Foundry (Cognitive Services) resources ---------------------------------------------------------------------

export const CS = "azure-native:cognitiveservices";

/** An AIServices account (Foundry resource) in eastus2, local auth off. */
export function foundryAccount(name: string, inputs: Record<string, unknown> = {}): PlannedResource {
    return res(`${CS}:Account`, name, {
        resourceGroupName: RG,
        accountName: name,
        location: "eastus2",
        kind: "AIServices",
        sku: { name: "S0" },
        identity: { type: "SystemAssigned" },
        properties: { customSubDomainName: name, allowProjectManagement: true, disableLocalAuth: true },
        ...inputs,
    });
}

/** A model deployment on account `foundry` (by name), GlobalStandard, capacity 1, the default content filter. */
export function foundryDeployment(
    name: string,
    model: Record<string, unknown>,
    inputs: Record<string, unknown> = {},
    more: Partial<PlannedResource> = {},
): PlannedResource {
    return res(
        `${CS}:Deployment`,
        name,
        {
            resourceGroupName: RG,
            accountName: "foundry",
            deploymentName: name,
            sku: { name: "GlobalStandard", capacity: 1 },
            properties: { model, raiPolicyName: "Microsoft.DefaultV2" },
            ...inputs,
        },
        more,
    );
}

/** A custom content filter on account `foundry`. */
export function raiPolicy(
    name: string,
    inputs: Record<string, unknown> = {},
    more: Partial<PlannedResource> = {},
): PlannedResource {
    return res(
        `${CS}:RaiPolicy`,
        name,
        {
            resourceGroupName: RG,
            accountName: "foundry",
            raiPolicyName: name,
            properties: { basePolicyName: "Microsoft.DefaultV2", mode: "Blocking" },
            ...inputs,
        },
        more,
    );
}

export const MISTRAL_LARGE_3 = { format: "Mistral AI", name: "Mistral-Large-3", version: "1" };
export const LLAMA_MAVERICK = { format: "Meta", name: "Llama-4-Maverick-17B-128E-Instruct-FP8", version: "1" };
