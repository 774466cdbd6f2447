/**
 * Two costs the Pulumi runtime pays per resource that the mock runtime never uses, and that dominate a large plan
 * (measured by `npm run bench`, P2; see docs/performance.md#large-stacks-where-the-time-and-memory-go):
 *
 * - azure-native gives every resource one alias per older API version of its type (20 for a ServerlessEndpoint).
 *   The `Resource` constructor turns each into a URN output (an `interpolate` over the parent's URN) whether or not
 *   the engine uses them. The engine needs them only to carry state over from an older API version; the mock
 *   monitor ignores aliases. `withoutApiVersionAliases` drops just those aliases (a type, nothing else, of the form
 *   `azure-native:<module>/v<version>:<Type>`); every other alias a program sets stays.
 * - The runtime tracks each of its promises for its leak report, taking a stack trace (`new Error().stack`) for
 *   each, about 45 per resource, and takes a whole stack trace for each resource (its source position, sent to the
 *   engine with the registration). `withoutRuntimeDebugInfo` keeps the tracking (the leak report still names each
 *   leaked promise's context) but without those traces. Errors the program throws keep their stack traces.
 */
import * as pulumi from "@pulumi/pulumi";

const API_VERSION_TYPE = /^azure-native:[^:/]+\/v\d[^:]*:[^:]+$/;

/** True for an alias azure-native adds for an older API version of a resource type: `{ type }` and nothing else. */
export function isApiVersionAlias(alias: unknown): boolean {
    if (typeof alias !== "object" || alias === null) return false;
    const keys = Object.keys(alias);
    const type = (alias as { type?: unknown }).type;
    return keys.length === 1 && typeof type === "string" && API_VERSION_TYPE.test(type);
}

/** A stack transformation that removes azure-native's API-version aliases from every resource's options. */
export const withoutApiVersionAliases: pulumi.ResourceTransformation = ({ props, opts }) => {
    const aliases = opts.aliases;
    if (!aliases?.some(isApiVersionAlias)) return undefined;
    return { props, opts: { ...opts, aliases: aliases.filter((a) => !isApiVersionAlias(a)) } };
};

type Debuggable = { debuggablePromise?: (p: Promise<unknown>, ctx: unknown) => Promise<unknown> };
type WithStackTrace = { stackTrace?: (skip: number) => unknown[] };

/** Replaces `holder[key]` (when it is a function) for the duration of `run`, and puts the original back. */
async function replacing<H extends object, K extends keyof H, T>(
    holder: H,
    key: K,
    replace: (original: NonNullable<H[K]>) => H[K],
    run: () => Promise<T>,
): Promise<T> {
    const original = holder[key];
    if (typeof original !== "function") return run();
    holder[key] = replace(original as NonNullable<H[K]>);
    try {
        return await run();
    } finally {
        holder[key] = original;
    }
}

/**
 * Runs `run` without the debugging information the runtime gathers for the engine and that the mock monitor never
 * reads, and puts the runtime back afterwards: the promises' stack traces are taken with `Error.stackTraceLimit` 0,
 * and a resource's stack trace (its source position) is empty. Where this version of `@pulumi/pulumi` has neither
 * function, `run` runs unchanged.
 */
export async function withoutRuntimeDebugInfo<T>(run: () => Promise<T>): Promise<T> {
    /* eslint-disable @typescript-eslint/no-require-imports -- internal modules and members, absent from the typings */
    const debuggable = require("@pulumi/pulumi/runtime/debuggable") as Debuggable;
    const resource = (require("@pulumi/pulumi/resource") as { Resource: WithStackTrace }).Resource;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const shallow = (original: NonNullable<Debuggable["debuggablePromise"]>): Debuggable["debuggablePromise"] =>
        function (p, ctx) {
            const limit = Error.stackTraceLimit;
            Error.stackTraceLimit = 0;
            try {
                return original(p, ctx);
            } finally {
                Error.stackTraceLimit = limit;
            }
        };
    return replacing(debuggable, "debuggablePromise", shallow, () =>
        replacing(resource, "stackTrace", () => () => [], run),
    );
}
