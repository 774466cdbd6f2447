/**
 * What the Pulumi engine hands a component provider's `construct`: the inputs a Python, Go, .NET or YAML program
 * set, serialized to a protobuf Struct, with the URNs each input came from. The provider's gRPC server
 * (`@pulumi/pulumi/provider/server`) turns them back into values before it calls `construct`: plain where they came
 * plain, Outputs where they carry dependencies or are secret. These helpers run that same code.
 */
import type * as pulumi from "@pulumi/pulumi";
import * as server from "@pulumi/pulumi/provider/server";
import { serializeProperties } from "@pulumi/pulumi/runtime/rpc";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

type DeserializeInputs = (
    inputs: Struct,
    dependencies: Map<string, { getUrnsList(): string[] }>,
) => Promise<pulumi.Inputs>;
// Exported by the server module but left out of its type declarations.
const { deserializeInputs } = server as unknown as { deserializeInputs: DeserializeInputs };

/**
 * `values` as `construct` receives them from the engine, where `dependencies` names, per input, the URNs of the
 * resources its value came from (an `AiWorkspace`'s `workspaceId` passed to an `AiProject`, say).
 */
export async function engineInputs(
    values: pulumi.Inputs,
    dependencies: Record<string, string[]> = {},
): Promise<pulumi.Inputs> {
    const struct = Struct.fromJavaScript(await serializeProperties("engine inputs", values));
    const urns = new Map(Object.entries(dependencies).map(([name, list]) => [name, { getUrnsList: () => list }]));
    return deserializeInputs(struct, urns);
}

/** The resource options the provider's gRPC server builds for `construct` when the program set none. */
export function engineOptions(): pulumi.ComponentResourceOptions {
    return {
        aliases: [],
        dependsOn: [],
        protect: false,
        providers: {},
        ignoreChanges: [],
        replaceOnChanges: [],
        retainOnDelete: false,
    };
}

/** The URN the engine gives a resource of the consumer's program (stack `test` of project `consumer`), a child of the stack. */
export function consumerUrn(type: string, name: string): string {
    return `urn:pulumi:test::consumer::pulumi:pulumi:Stack$${type}::${name}`;
}
