/**
 * Pulumi mocks that answer as Azure Resource Manager and the random provider would, for the offline plan and the
 * tests. Nothing autonames under mocks, so names and ids are synthesised from the inputs.
 *
 * With `preview: true` they follow preview semantics: what only Azure can know (resource ids, endpoint URIs,
 * identities, keys) is unknown. Random suffixes are synthesised from the resource name (the real ones are drawn on
 * the first `pulumi up` and kept in state), so the plan can show the names it will use.
 */
import { createHash } from "node:crypto";
import type * as pulumi from "@pulumi/pulumi";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { nameInputOf, resourceTypeOf } from "../../infra/catalog";

/** The subscription and tenant the mocks pretend to run in. */
export const MOCK_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const MOCK_TENANT_ID = "11111111-1111-1111-1111-111111111111";

type Inputs = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === "string" ? v : String(v ?? ""));

/** A deterministic stand-in for a random suffix: same resource name, same suffix. */
export function syntheticRandom(name: string, length: number): string {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    const hash = createHash("sha256").update(name).digest();
    return Array.from({ length }, (_, i) => alphabet[hash[i] % alphabet.length]).join("");
}

/** The ARM id of a resource, from its registry record (`.../providers/mock/<type>/<name>` without one). */
function armId(type: string, inputs: Inputs, name: string): string {
    const subscription = `/subscriptions/${MOCK_SUBSCRIPTION_ID}`;
    const rgRoot = `${subscription}/resourceGroups/${str(inputs.resourceGroupName)}`;
    const id = resourceTypeOf(type)?.armId;
    if (!id) return `${rgRoot}/providers/mock/${type}/${name}`;
    const path = id.path(inputs, name);
    if (id.under === "subscription") return `${subscription}/${path}`;
    if (id.under === "resource group") return `${rgRoot}/providers/${path}`;
    return `${str(inputs[id.under.input])}/providers/${path}`;
}

/** What Azure computes for a resource beyond the inputs it echoes: its record's mock outputs. */
function computed(type: string, inputs: Inputs, name: string, preview: boolean): Inputs {
    const mockOutputs = resourceTypeOf(type)?.mockOutputs;
    if (!mockOutputs) return {};
    return mockOutputs({
        inputs,
        name,
        location: str(inputs.location || "eastus2"),
        unknown: (v) => (preview ? unknownValue : v),
        random: (length) => syntheticRandom(name, length),
        tenantId: MOCK_TENANT_ID,
    });
}

/**
 * What a program reads through `new pulumi.StackReference(name)`: the referenced stack's outputs, as
 * `pulumi stack output --json --show-secrets` prints them, and which of them are secret.
 */
export interface StackReferenceOutputs {
    outputs: Record<string, unknown>;
    /** Top-level outputs that are or hold secrets: a program reads them as secret Outputs. @default [] */
    secretOutputNames?: string[];
}

export interface AzureMockOptions {
    /** Preview semantics: values only Azure can know are unknown. */
    preview: boolean;
    /** Outputs of the stacks the program references, by the name it gives (`org/project/stack`). @default {} */
    stackReferences?: Record<string, StackReferenceOutputs>;
}

/** Mocks for `pulumi.runtime.setMocks` that answer like Azure and `@pulumi/random`. */
export function azureMocks(options: AzureMockOptions): pulumi.runtime.Mocks {
    const { preview } = options;
    return {
        newResource(args: pulumi.runtime.MockResourceArgs): { id: string | undefined; state: Record<string, unknown> } {
            const inputs = args.inputs as Inputs;
            if (args.type === "pulumi:pulumi:StackReference") {
                // A read, not a creation: the engine answers with the referenced stack's outputs.
                const stackName = str(inputs.name);
                const ref = options.stackReferences?.[stackName];
                if (!ref) {
                    throw new Error(
                        `the offline plan has no outputs for the stack reference "${stackName}": give them with --stack-references FILE`,
                    );
                }
                return {
                    id: stackName,
                    state: { name: stackName, outputs: ref.outputs, secretOutputNames: ref.secretOutputNames ?? [] },
                };
            }
            if (args.type === "random:index/randomString:RandomString") {
                return {
                    id: args.name,
                    state: { ...inputs, result: syntheticRandom(args.name, Number(inputs.length ?? 6)) },
                };
            }
            if (!args.type.startsWith("azure-native:"))
                return { id: preview ? undefined : `${args.name}-id`, state: inputs };
            const nameInput = nameInputOf(args.type);
            const name = str((nameInput && inputs[nameInput]) || inputs.name || args.name);
            const id = armId(args.type, inputs, name);
            return {
                id: preview ? undefined : id,
                state: { ...inputs, name, ...computed(args.type, inputs, name, preview) },
            };
        },
        call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
            const inputs = args.inputs as Inputs;
            switch (args.token) {
                case "azure-native:authorization:getClientConfig":
                    return {
                        clientId: "mock-client",
                        objectId: "mock-object",
                        subscriptionId: MOCK_SUBSCRIPTION_ID,
                        tenantId: MOCK_TENANT_ID,
                    };
                case "azure-native:cognitiveservices:listAccountKeys":
                    return { key1: `key1-of-${str(inputs.accountName)}`, key2: `key2-of-${str(inputs.accountName)}` };
                case "azure-native:machinelearningservices:listServerlessEndpointKeys":
                case "azure-native:machinelearningservices:listOnlineEndpointKeys":
                    // Keys exist once the endpoint does; the values are fakes a test can recognise.
                    return {
                        primaryKey: `primary-key-of-${str(inputs.name ?? inputs.endpointName)}`,
                        secondaryKey: `secondary-key-of-${str(inputs.name ?? inputs.endpointName)}`,
                    };
                default:
                    throw new Error(`the offline plan has no mock for the function ${args.token}`);
            }
        },
    };
}
