/**
 * Runs a Pulumi program under the mock runtime and records what the engine would receive: every resource
 * registration with its inputs, parent, dependencies and options, and the stack's outputs. Mocks alone see no
 * parent or dependsOn, so the recorder wraps the mock monitor's `registerResource`.
 */
import * as pulumi from "@pulumi/pulumi";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { RESOURCE_TYPES } from "../../infra/catalog/resourceTypes";
import { azureMocks, type StackReferenceOutputs } from "./mocks";
import { withoutApiVersionAliases, withoutRuntimeDebugInfo } from "./runtimeCost";
import { SECRET, UNKNOWN, type PlannedOutput, type PlannedResource } from "./types";

// Signatures Pulumi's RPC layer uses for secrets and resource references in serialized values.
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

interface Decoded {
    /** Secrets unwrapped, unknowns as UNKNOWN. */
    raw: unknown;
    /** Secrets replaced by SECRET, unknowns as UNKNOWN. */
    masked: unknown;
    /** Paths (dot-joined) of secret values. */
    secretPaths: string[];
}

/** Decodes a value serialized for the engine. */
export function decode(value: unknown, path = "", inSecret = false): Decoded {
    if (value === unknownValue) return { raw: UNKNOWN, masked: inSecret ? SECRET : UNKNOWN, secretPaths: [] };
    if (Array.isArray(value)) {
        const parts = value.map((v, i) => decode(v, `${path}[${i}]`, inSecret));
        return {
            raw: parts.map((p) => p.raw),
            masked: parts.map((p) => p.masked),
            secretPaths: parts.flatMap((p) => p.secretPaths),
        };
    }
    if (value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SIG_KEY] === SECRET_SIG) {
            const inner = decode(obj.value, path, true);
            return { raw: inner.raw, masked: SECRET, secretPaths: [path] };
        }
        if (obj[SIG_KEY] === RESOURCE_SIG) return { raw: obj.urn, masked: obj.urn, secretPaths: [] };
        const raw: Record<string, unknown> = {};
        const masked: Record<string, unknown> = {};
        const secretPaths: string[] = [];
        for (const [k, v] of Object.entries(obj)) {
            const d = decode(v, path ? `${path}.${k}` : k, inSecret);
            raw[k] = d.raw;
            masked[k] = d.masked;
            secretPaths.push(...d.secretPaths);
        }
        return { raw, masked, secretPaths };
    }
    return { raw: value, masked: inSecret ? SECRET : value, secretPaths: [] };
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the gRPC request objects of the mock monitor are untyped */
interface Recorder {
    resources: PlannedResource[];
    stackOutputs?: Decoded;
    /** Why a transform could not be applied, per resource: the plan refuses these. */
    transformProblems: string[];
    keyValues: { value: string; source: string }[];
    /** What the program's module exported (its stack outputs before serialization), for their provenance. */
    exports?: unknown;
}

/** The key-listing functions of the registry's records (`azure-native:cognitiveservices:listAccountKeys`). */
const KEY_FUNCTIONS: ReadonlySet<string> = new Set(
    RESOURCE_TYPES.flatMap((r) => (r.secretOutputs ? [r.secretOutputs.listFunction] : [])),
);

/** A transform as the program gave it (`transforms` option, `pulumi.runtime.registerResourceTransform`). */
type Transform = (args: {
    type: string;
    name: string;
    custom: boolean;
    props: Record<string, unknown>;
    opts: Record<string, unknown>;
}) => unknown;

const transformName = (t: Transform): string => (t.name ? `transform "${t.name}"` : "an anonymous transform");

function record(monitor: any, recorder: Recorder): void {
    const register = monitor.registerResource.bind(monitor);
    // Transforms the engine applies before a resource is registered: the stack's (registerResourceTransform), and
    // each resource's own `transforms`, which also apply to its children. The mock monitor keeps the functions.
    const stackTransforms: Transform[] = [];
    const inherited = new Map<string, Transform[]>();
    const callbackOf = (token: string): Transform | undefined => monitor.transformCallbacks?.get(token);
    const registerStack = monitor.registerStackTransform?.bind(monitor);
    if (registerStack)
        monitor.registerStackTransform = (req: any, callback: any) => {
            const t = callbackOf(req.getToken());
            if (t) stackTransforms.push(t);
            else recorder.transformProblems.push("a stack transform the offline plan cannot find (not applied)");
            return registerStack(req, callback);
        };
    monitor.registerResource = (req: any, callback: any) => {
        const type: string = req.getType();
        const name: string = req.getName();
        const parent: string = req.getParent();
        const urn: string = monitor.newUrn(parent, type, name);
        const own: Transform[] = [];
        for (const cb of req.getTransformsList()) {
            const t = callbackOf(cb.getToken());
            if (t) own.push(t);
            else
                recorder.transformProblems.push(
                    `${urn}: a transform of this resource the offline plan cannot find (not applied)`,
                );
        }
        const chain = [...own, ...(inherited.get(parent) ?? [])];
        inherited.set(urn, chain);
        const all = [...chain, ...stackTransforms];
        if (all.length === 0) return recordAndRegister(req, callback, req.getObject()?.toJavaScript() ?? {});
        void (async () => {
            let object = req.getObject()?.toJavaScript() ?? {};
            const secretKeys = decode(object).secretPaths.map((p) => p.split(/[.[]/)[0]);
            let props = decode(object).raw as Record<string, unknown>;
            for (const t of all) {
                try {
                    const result = (await t({ type, name, custom: req.getCustom(), props, opts: {} })) as
                        { props?: Record<string, unknown>; opts?: Record<string, unknown> } | undefined;
                    if (!result) continue;
                    if (result.props) props = result.props;
                    if (result.opts && Object.keys(result.opts).length > 0)
                        recorder.transformProblems.push(
                            `${urn}: ${transformName(t)} changes resource options (${Object.keys(result.opts).join(", ")}), which the offline plan cannot apply`,
                        );
                } catch (e) {
                    recorder.transformProblems.push(`${urn}: ${transformName(t)} threw: ${(e as Error).message}`);
                }
            }
            // Secret inputs stay secret through a transform: the engine keeps their secretness.
            object = Object.fromEntries(
                Object.entries(props).map(([k, v]) => [
                    k,
                    secretKeys.includes(k) ? { [SIG_KEY]: SECRET_SIG, value: v } : v === UNKNOWN ? unknownValue : v,
                ]),
            );
            // The request's Struct class (google-protobuf's, through @pulumi/pulumi) builds the transformed inputs.
            const struct = req.getObject()?.constructor;
            if (struct) req.setObject(struct.fromJavaScript(object));
            recordAndRegister(req, callback, object);
        })();
    };
    const recordAndRegister = (req: any, callback: any, object: Record<string, unknown>) => {
        // A dynamic provider's serialized code is not an input anyone reviews.
        delete object.__provider;
        const inputs = decode(object);
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
            propertyDependencies[key] = deps.getUrnsList();
        });
        const type: string = req.getType();
        const name: string = req.getName();
        const parent: string = req.getParent();
        const urn: string = monitor.newUrn(parent, type, name);
        const options: PlannedResource["options"] = {};
        if (req.getDeletebeforereplace()) options.deleteBeforeReplace = true;
        if (req.getProtect()) options.protect = true;
        if (req.getIgnorechangesList().length) options.ignoreChanges = req.getIgnorechangesList();
        if (req.getAdditionalsecretoutputsList().length)
            options.additionalSecretOutputs = req.getAdditionalsecretoutputsList();
        if (req.getReplaceonchangesList().length) options.replaceOnChanges = req.getReplaceonchangesList();
        if (req.getProvider()) options.provider = req.getProvider();
        const timeouts = req.getCustomtimeouts();
        if (timeouts && (timeouts.getCreate() || timeouts.getUpdate() || timeouts.getDelete()))
            options.customTimeouts = {
                create: timeouts.getCreate(),
                update: timeouts.getUpdate(),
                delete: timeouts.getDelete(),
            };
        recorder.resources.push({
            urn,
            type,
            name,
            custom: req.getCustom(),
            ...(parent ? { parent } : {}),
            dependencies: [...new Set<string>(req.getDependenciesList())],
            propertyDependencies,
            inputs: inputs.raw as Record<string, unknown>,
            secretInputs: [...new Set(inputs.secretPaths.map((p) => p.split(/[.[]/)[0]))],
            options,
        });
        return register(req, callback);
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req: any, callback: any) => {
        if (req.getUrn().split("::")[2] === "pulumi:pulumi:Stack") {
            recorder.stackOutputs = decode(req.getOutputs()?.toJavaScript() ?? {});
        }
        return registerOutputs(req, callback);
    };
}
/* eslint-enable @typescript-eslint/no-explicit-any */

export interface CaptureOptions {
    project: string;
    stack: string;
    /** Preview semantics (values only Azure knows are unknown). @default true */
    preview?: boolean;
    /** Flat config, `namespace:key` to string (structured values as JSON), as the CLI hands it to a program. */
    config?: Record<string, string>;
    /** Config keys whose values are secret. */
    secretKeys?: string[];
    /** Outputs of the stacks the program reads through `pulumi.StackReference`, by stack name. */
    stackReferences?: Record<string, StackReferenceOutputs>;
    /**
     * Run with everything the runtime computes for the engine alone (API-version aliases, promise and resource stack
     * traces; see runtimeCost.ts), as under `pulumi preview`: slower, the same plan. For debugging the runtime itself,
     * such as a promise-leak report with stack traces. @default true when `PULUMI_DEBUG_PROMISE_LEAKS` is set (the
     * runtime's own switch for that report), else false
     */
    keepRuntimeDebugInfo?: boolean;
}

export interface Capture {
    resources: PlannedResource[];
    outputs: PlannedOutput[];
    warnings: string[];
    /** What the program threw, if it failed; `resources` then holds what it had registered before. */
    error?: unknown;
    /** URNs the program registered more than once: the engine refuses the second ("Duplicate resource URN"). */
    duplicateUrns: string[];
    /** Transforms the plan could not apply as the engine would: the plan refuses the program. */
    transformProblems: string[];
    /** Keys the program got from key-listing functions, for the pack only: never stored in the plan or printed. */
    keyValues: { value: string; source: string }[];
    /**
     * Stack output paths whose value was computed from what a key-listing function returned (also when it is unknown
     * during a preview), with the function's token: the outputs' provenance (see {@link keyProvenance}).
     */
    keyOutputs: { path: string; source: string }[];
}

/**
 * Provenance of keys, by where a value comes from rather than what it is (a key is unknown during a preview). Each
 * key-listing function's result is given a marker among the resources its Output carries (`allResources`): every
 * Output computed from it (`apply`, `interpolate`, `all`, `secret`, `unsecret`, a property of it) carries the marker
 * along. The engine only turns custom and remote resources into dependencies, so the marker (a plain object) never
 * reaches a registration. A value computed from a key and something else counts as derived from the key.
 */
interface KeyMarker {
    readonly keySource: string;
}
const KEY_MARKERS: ReadonlyMap<string, KeyMarker> = new Map(
    [...KEY_FUNCTIONS].map((token) => [token, Object.freeze({ keySource: token })]),
);
const MARKER_SET: ReadonlySet<unknown> = new Set(KEY_MARKERS.values());

interface OutputInternals {
    resources(): Set<unknown>;
    promise(withUnknowns?: boolean): Promise<unknown>;
    isKnown: Promise<boolean>;
    isSecret: Promise<boolean>;
    allResources?: () => Promise<Set<unknown>>;
}
type InvokeOutput = (tok: string, props: unknown, opts?: unknown, packageRef?: unknown) => pulumi.Output<unknown>;
// `pulumi.runtime` holds a copy of the invoke module's functions, which generated SDKs call through.
const invokeModule = pulumi.runtime as unknown as { invokeOutput: InvokeOutput };

/** Makes the key-listing functions' Outputs carry their marker while `run` runs; restores the runtime after. */
async function withKeyMarkers<T>(run: () => Promise<T>): Promise<T> {
    const original = invokeModule.invokeOutput;
    const OutputCtor = pulumi.Output as unknown as new (...args: unknown[]) => pulumi.Output<unknown>;
    invokeModule.invokeOutput = (tok, props, opts, packageRef) => {
        const out = original(tok, props, opts, packageRef);
        const marker = KEY_MARKERS.get(tok);
        if (!marker) return out;
        const o = out as unknown as OutputInternals;
        const all = o.allResources ? o.allResources() : Promise.resolve(o.resources());
        return new OutputCtor(
            o.resources(),
            o.promise(true),
            o.isKnown,
            o.isSecret,
            all.then((r) => new Set([...r, marker])),
        );
    };
    try {
        return await run();
    } finally {
        invokeModule.invokeOutput = original;
    }
}

/**
 * The stack output paths (`settings.clients.0.first`) whose Output carries a key marker, walking plain objects,
 * arrays and promises of the program's exports down to each Output (bounded depth; resources are not entered).
 */
export async function keyProvenance(exports: unknown): Promise<{ path: string; source: string }[]> {
    const found: { path: string; source: string }[] = [];
    const walk = async (value: unknown, path: string, depth: number): Promise<void> => {
        if (depth > 16 || value === null || value === undefined) return;
        if (pulumi.Output.isInstance(value)) {
            const o = value as unknown as OutputInternals;
            const all = o.allResources ? await o.allResources() : o.resources();
            for (const r of all) if (MARKER_SET.has(r)) found.push({ path, source: (r as KeyMarker).keySource });
            return;
        }
        if (pulumi.Resource.isInstance(value)) return;
        if (value instanceof Promise) return walk(await value, path, depth + 1);
        if (Array.isArray(value)) {
            for (const [i, v] of value.entries()) await walk(v, `${path}.${i}`, depth + 1);
            return;
        }
        if (typeof value === "object")
            for (const [k, v] of Object.entries(value as Record<string, unknown>))
                await walk(v, path ? `${path}.${k}` : k, depth + 1);
    };
    await walk(exports, "", 0);
    return found;
}

/** URNs that occur more than once, each once, in registration order. */
export function duplicateUrns(resources: readonly PlannedResource[]): string[] {
    const seen = new Set<string>();
    const duplicates = new Set<string>();
    for (const r of resources) {
        if (seen.has(r.urn)) duplicates.add(r.urn);
        seen.add(r.urn);
    }
    return [...duplicates];
}

/**
 * Sets the mock runtime up, runs `program` inside a root stack as the Pulumi language host does, waits for every
 * registration, and returns what was recorded. `program` returns the stack's outputs (a module's exports).
 */
export async function captureProgram(program: () => unknown, options: CaptureOptions): Promise<Capture> {
    const recorder: Recorder = { resources: [], transformProblems: [], keyValues: [] };
    const warnings: string[] = [];
    pulumi.runtime.setAllConfig(options.config ?? {}, options.secretKeys ?? []);
    // Every key a key-listing function hands the program, so the pack can find it in the outputs under any name.
    const mocks = azureMocks({ preview: options.preview ?? true, stackReferences: options.stackReferences });
    const answer = mocks.call.bind(mocks);
    mocks.call = (args) => {
        const result = answer(args);
        if (KEY_FUNCTIONS.has(args.token))
            for (const value of Object.values(result))
                if (typeof value === "string") recorder.keyValues.push({ value, source: args.token });
        return result;
    };
    await pulumi.runtime.setMocks(mocks, options.project, options.stack, options.preview ?? true);
    record(pulumi.runtime.getMonitor(), recorder);

    // The engine shows warnings under the run; the plan collects them instead of printing them to stderr.
    const log = pulumi.log as { warn: (msg: string, resource?: pulumi.Resource) => Promise<void> };
    const originalWarn = log.warn;
    log.warn = (msg: string) => {
        warnings.push(msg);
        return Promise.resolve();
    };
    let error: unknown;
    const keep = options.keepRuntimeDebugInfo ?? Boolean(process.env.PULUMI_DEBUG_PROMISE_LEAKS);
    const run = async (): Promise<void> => {
        try {
            // A program that throws ends with no outputs; catching inside the stack keeps the runtime's own promises
            // from rejecting unobserved.
            await pulumi.runtime.runInPulumiStack(async () => {
                if (!keep) pulumi.runtime.registerStackTransformation(withoutApiVersionAliases);
                try {
                    const exported = await program();
                    recorder.exports = exported;
                    return exported;
                } catch (e) {
                    error = e;
                    return {};
                }
            });
        } catch (e) {
            error ??= e;
        } finally {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            await (require("@pulumi/pulumi/runtime/settings") as { waitForRPCs: () => Promise<void> }).waitForRPCs();
            log.warn = originalWarn;
        }
    };
    // What the mock runtime never uses is not computed, unless asked: see runtimeCost.ts.
    if (keep) await withKeyMarkers(run);
    else await withoutRuntimeDebugInfo(() => withKeyMarkers(run));
    const keyOutputs = recorder.exports === undefined ? [] : await keyProvenance(recorder.exports);

    const stackOutputs = recorder.stackOutputs;
    const outputs: PlannedOutput[] = [];
    if (stackOutputs) {
        const raw = stackOutputs.raw as Record<string, unknown>;
        const masked = stackOutputs.masked as Record<string, unknown>;
        for (const name of Object.keys(raw)) {
            const secretPaths = stackOutputs.secretPaths.filter(
                (p) => p === name || p.startsWith(`${name}.`) || p.startsWith(`${name}[`),
            );
            outputs.push({
                name,
                value: masked[name],
                secret: secretPaths.length > 0,
                secretPaths,
                rawValue: raw[name],
            });
        }
    }
    return {
        resources: recorder.resources,
        outputs,
        warnings,
        duplicateUrns: duplicateUrns(recorder.resources),
        transformProblems: recorder.transformProblems,
        keyValues: recorder.keyValues,
        keyOutputs,
        ...(error === undefined ? {} : { error }),
    };
}
