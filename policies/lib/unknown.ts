/**
 * Values a rule cannot judge during a preview. One helper for both places a rule runs:
 * - the CLI (`pulumi preview --policy-pack policies`): an input computed from another resource's output is one of
 *   Pulumi's unknown sentinels (a fixed GUID per kind of value); `@pulumi/policy` would throw on reading it through
 *   its proxy, so the adapters in `view.ts` unwrap the proxy and the rules test the sentinel here instead;
 * - the offline plan (`plan/`): such a value is the string `[unknown]` ({@link UNKNOWN}).
 */
/** How the offline plan writes a value only Azure can know during a preview (rendered as `[unknown]`). */
export const UNKNOWN = "[unknown]";

/**
 * Pulumi's unknown sentinels, as the engine sends them to analyzers: `unknownValue` of `@pulumi/pulumi/runtime/rpc`
 * (strings, and the only one the engine uses today) and the typed variants `@pulumi/policy` also recognises
 * (its `proxy.ts`, marked internal there, so repeated here).
 */
export const PULUMI_UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string (the engine's computed value)
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

/** True when a value is known only after Azure creates something: Pulumi's sentinel or the plan's `[unknown]`. */
export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && (value === UNKNOWN || PULUMI_UNKNOWN_SENTINELS.has(value));
}

/**
 * What a rule reads at a property path:
 * - `known`: a value the rule can judge;
 * - `unknown`: the value, or an object on its path, is unknown during this preview: never a violation;
 * - `absent`: the input is not set (or is `undefined`/`null`). Rules whose subject is a value (a model id, a
 *   region) treat it like `unknown` and judge nothing; rules about a setting being present (a project's hub, a
 *   tag) treat it as not set, which is what the engine means by leaving it out.
 */
export type Read<T = unknown> = { state: "known"; value: T } | { state: "unknown" } | { state: "absent" };

/** Reads `path` (`properties.modelSettings.modelId`) from resource inputs. */
export function read(props: unknown, path: string): Read {
    let cur: unknown = props;
    for (const key of path.split(".")) {
        if (isUnknown(cur)) return { state: "unknown" };
        if (cur === undefined || cur === null) return { state: "absent" };
        if (typeof cur !== "object") return { state: "absent" };
        cur = (cur as Record<string, unknown>)[key];
    }
    if (isUnknown(cur)) return { state: "unknown" };
    if (cur === undefined || cur === null) return { state: "absent" };
    return { state: "known", value: cur };
}

/** A known string at `path`, or undefined when it is unknown, absent or not a string. */
export function knownString(props: unknown, path: string): string | undefined {
    const r = read(props, path);
    return r.state === "known" && typeof r.value === "string" ? r.value : undefined;
}

/** A known finite number at `path`, or undefined. */
export function knownNumber(props: unknown, path: string): number | undefined {
    const r = read(props, path);
    return r.state === "known" && typeof r.value === "number" && Number.isFinite(r.value) ? r.value : undefined;
}

/** A known plain object at `path`, or undefined. Its members may still be unknown: test them with {@link isUnknown}. */
export function knownObject(props: unknown, path: string): Record<string, unknown> | undefined {
    const r = read(props, path);
    return r.state === "known" && typeof r.value === "object" && !Array.isArray(r.value)
        ? (r.value as Record<string, unknown>)
        : undefined;
}
