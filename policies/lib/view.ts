/**
 * The small normalised view every rule reads, and the adapters that build it from what `@pulumi/policy` hands a
 * policy in the CLI. `plan/checks/policy.ts` builds the same view from the offline plan, so both run the same rules.
 */
import type { PolicyResource, ResourceValidationArgs, StackValidationArgs } from "@pulumi/policy";

/** One resource as a rule sees it. */
export interface ResourceView {
    /** Type token, e.g. `azure-native:machinelearningservices:ServerlessEndpoint`. */
    type: string;
    /** Logical (Pulumi) name. */
    name: string;
    urn: string;
    /** Resource inputs, in the provider's input shape; unknown values are sentinels (see `unknown.ts`). */
    props: Record<string, unknown>;
    /** URNs this resource depends on (explicit `dependsOn` and those its inputs carry). Empty for resource rules. */
    dependencies: string[];
    /** For each input property, the URNs its value came from. Empty for resource rules. */
    propertyDependencies: Record<string, string[]>;
    /** URN of the parent, when known. */
    parent?: string;
    /** False for components and the stack; undefined where the caller cannot tell (the CLI's resource analysis). */
    custom?: boolean;
}

/** One stack output as the secret-output rule sees it. */
export interface OutputView {
    name: string;
    /** The value as the program produced it, secrets in the clear. */
    value: unknown;
    /**
     * Dotted paths (`deployments.chat.primaryKey`, starting with the output's name) of the secret values inside it;
     * undefined when secretness cannot be observed (the CLI: `@pulumi/policy` unwraps secrets, pulumi/pulumi-policy#241).
     */
    secretPaths?: string[];
}

/** Everything a stack rule sees. */
export interface StackView {
    resources: ResourceView[];
    /** The root stack's outputs; empty when the stack has none. */
    outputs: OutputView[];
    /**
     * Key values the program obtained from key-listing functions (each record's `secretOutputs.listFunction`), by
     * the function's token; undefined where they cannot be observed (the CLI). Never printed.
     */
    keyValues?: readonly { value: string; source: string }[];
    /**
     * Provenance: the output paths (`settings.clients.0.first`) whose value was computed from what a key-listing
     * function returned (each record's `secretOutputs.listFunction`, also through a component's secret outputs such
     * as `FoundryAccount.primaryKey`), known or not; undefined where it cannot be observed (the CLI).
     */
    keyOutputs?: readonly { path: string; source: string }[];
}

/** Type token of the root stack resource, whose outputs are the stack's outputs. */
export const STACK_TYPE = "pulumi:pulumi:Stack";

/**
 * `@pulumi/policy` wraps `props` in a proxy that throws on reading an unknown value (the violation then becomes an
 * advisory "can't run policy during preview"). Rules must instead skip unknowns silently, so the adapters read the
 * proxy's target (the key below is the one the proxy itself answers; it is internal to `@pulumi/policy`).
 */
const PROXY_TARGET = "__getSpecialProxyTarget";

/** The plain object behind a `@pulumi/policy` props proxy (or the value itself when it is not one). */
export function unwrapProps(props: unknown): Record<string, unknown> {
    if (props === null || typeof props !== "object") return {};
    const target = (props as Record<string, unknown>)[PROXY_TARGET];
    return (target && typeof target === "object" ? target : props) as Record<string, unknown>;
}

// ---- inputs for stack rules ---------------------------------------------------------------------------------

/**
 * The engine hands stack policies each resource's *outputs*; azure-native outputs lack inputs such as
 * `resourceGroupName` and `workspaceName`. The engine analyses every resource's inputs first (one `Analyze` call per
 * registration, in the same policy-pack process), so each stack rule also has a `validateResource` that only records
 * the inputs here, and its `validateStack` reads them back by URN.
 */
const capturedInputs = new Map<string, Record<string, unknown>>();

/** Records a resource's inputs for the stack rules (never reports anything). */
export function captureInputs(args: Pick<ResourceValidationArgs, "urn" | "props">): void {
    capturedInputs.set(args.urn, unwrapProps(args.props));
}

/** Forgets every captured input (tests). */
export function clearCapturedInputs(): void {
    capturedInputs.clear();
}

// ---- adapters -----------------------------------------------------------------------------------------------

/** The view of the resource a resource policy is validating. */
export function viewFromResourceArgs(
    args: Pick<ResourceValidationArgs, "type" | "name" | "urn" | "props"> & {
        opts?: Partial<ResourceValidationArgs["opts"]>;
    },
): ResourceView {
    return {
        type: args.type,
        name: args.name,
        urn: args.urn,
        props: unwrapProps(args.props),
        dependencies: [],
        propertyDependencies: {},
        ...(args.opts?.parent ? { parent: args.opts.parent } : {}),
    };
}

/** The subset of `PolicyResource` the adapter reads (tests build fakes of it). */
export type StackResourceArg = Pick<PolicyResource, "type" | "name" | "urn" | "props"> & {
    parent?: Pick<PolicyResource, "urn">;
    dependencies?: Pick<PolicyResource, "urn">[];
    propertyDependencies?: Record<string, Pick<PolicyResource, "urn">[]>;
};

/** The view a stack policy sees: inputs where they were captured, the engine's outputs otherwise. */
export function viewFromStackArgs(
    args: { resources: StackResourceArg[] } | Pick<StackValidationArgs, "resources">,
): StackView {
    const resources = (args.resources as StackResourceArg[]).map((r): ResourceView => {
        const propertyDependencies: Record<string, string[]> = {};
        for (const [k, deps] of Object.entries(r.propertyDependencies ?? {}))
            propertyDependencies[k] = deps.map((d) => d.urn);
        return {
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: capturedInputs.get(r.urn) ?? unwrapProps(r.props),
            dependencies: (r.dependencies ?? []).map((d) => d.urn),
            propertyDependencies,
            ...(r.parent ? { parent: r.parent.urn } : {}),
        };
    });
    // The root stack's outputs: the engine has no record of which were secret once `@pulumi/policy` unwraps them.
    const stack = args.resources.find((r) => r.type === STACK_TYPE);
    const outputs: OutputView[] = stack
        ? Object.entries(unwrapProps(stack.props)).map(([name, value]) => ({ name, value }))
        : [];
    return { resources, outputs };
}
