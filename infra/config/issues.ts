import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { closest } from "../catalog/suggest";
import { CONFIG_NAMESPACE } from "./namespace";

/** One problem (or warning) found in the stack config. */
export interface ConfigIssue {
    /** Config path as a user finds it in `Pulumi.<stack>.yaml`: `azure-ai-models:deployments[1].model`. */
    path: string;
    /** What is wrong: names the value given and what is allowed. */
    message: string;
}

/** Renders a path `["deployments", 1, "model"]` as `azure-ai-models:deployments[1].model`. */
export function configPath(path: readonly PropertyKey[], namespace = CONFIG_NAMESPACE): string {
    let out = namespace;
    path.forEach((seg, i) => {
        if (typeof seg === "number") out += `[${seg}]`;
        else out += i === 0 ? `:${String(seg)}` : `.${String(seg)}`;
    });
    return out;
}

/** Longest string a message repeats in full; longer ones are cut (a 100,000-character value is not echoed). */
const MAX_SHOWN = 200;

/** A string for a message: in full up to {@link MAX_SHOWN} characters, else its start and its length. */
export function cut(text: string): string {
    return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${text.length} chars)` : text;
}

/** A value as it appears in a message: strings quoted, objects as JSON, undefined as "nothing"; long ones cut. */
export function show(value: unknown): string {
    if (value === undefined) return "nothing";
    if (typeof value === "string") {
        return value.length > MAX_SHOWN
            ? `${JSON.stringify(value.slice(0, MAX_SHOWN))}… (${value.length} chars)`
            : JSON.stringify(value);
    }
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}

/**
 * Raised when the stack config is invalid. It is a `pulumi.RunError`, so `pulumi up` prints its message and no
 * stack trace; the message lists every problem, one a line.
 */
export class ConfigValidationError extends pulumi.RunError {
    readonly issues: readonly ConfigIssue[];
    constructor(issues: readonly ConfigIssue[]) {
        super(formatIssues(issues));
        this.name = "ConfigValidationError";
        this.issues = issues;
    }
}

export function formatIssues(issues: readonly ConfigIssue[]): string {
    const head = `Invalid stack config: ${issues.length} problem${issues.length === 1 ? "" : "s"}. Nothing was deployed.`;
    return [head, ...issues.map((i) => `  - ${i.path}: ${i.message}`)].join("\n");
}

// ---- zod issues ---------------------------------------------------------------------------------------------

/** Peels optional/default/nullable wrappers off a schema. */
function unwrap(schema: z.ZodType): z.ZodType {
    let s = schema;
    for (;;) {
        const def = (s as unknown as { def?: { innerType?: z.ZodType } }).def;
        if (def?.innerType) s = def.innerType;
        else return s;
    }
}

/** The schema that validates the value at `path` inside `root`, if the path leads anywhere. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
    let s: z.ZodType | undefined = unwrap(root);
    for (const seg of path) {
        if (!s) return undefined;
        if (s instanceof z.ZodObject) s = (s.shape as Record<string, z.ZodType>)[String(seg)];
        else if (s instanceof z.ZodArray) s = s.element as z.ZodType;
        else if (s instanceof z.ZodRecord) s = s.valueType as z.ZodType;
        else return undefined;
        if (s) s = unwrap(s);
    }
    return s;
}

function keysAt(root: z.ZodType, path: readonly PropertyKey[]): string[] {
    const s = schemaAt(root, path);
    return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

function list(values: readonly unknown[]): string {
    return values.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
}

/** Turns zod's issues into config issues that name the path, the value given and what is allowed. */
export function fromZodIssues(
    root: z.ZodType,
    issues: readonly z.core.$ZodIssue[],
    base: readonly PropertyKey[] = [],
    render: (path: readonly PropertyKey[]) => string = configPath,
): ConfigIssue[] {
    const out: ConfigIssue[] = [];
    for (const issue of issues) {
        const path = [...base, ...issue.path];
        const given = (issue as { input?: unknown }).input;
        switch (issue.code) {
            case "unrecognized_keys": {
                const valid = keysAt(root, issue.path);
                for (const key of issue.keys) {
                    const near = key.length <= MAX_SHOWN ? closest(key, valid, 1) : [];
                    const hint = near.length ? `did you mean "${near[0]}"? ` : "";
                    out.push({
                        path: render([...path, cut(key)]),
                        message: `unknown key ${show(key)}; ${hint}valid keys here: ${valid.join(", ")}`,
                    });
                }
                break;
            }
            case "invalid_type":
                out.push({
                    path: render(path),
                    message:
                        given === undefined
                            ? `is required (expected ${issue.expected})`
                            : `expected ${issue.expected}, got ${show(given)}`,
                });
                break;
            case "invalid_value":
                out.push({
                    path: render(path),
                    message: `${show(given)} is not allowed; allowed: ${list(issue.values)}`,
                });
                break;
            case "invalid_format":
                out.push({ path: render(path), message: `${show(given)} is not valid; expected ${issue.message}` });
                break;
            case "too_small":
            case "too_big": {
                const bound =
                    issue.code === "too_small"
                        ? `at least ${String(issue.minimum)}`
                        : `at most ${String(issue.maximum)}`;
                const unit = issue.origin === "string" ? " characters" : issue.origin === "array" ? " entries" : "";
                out.push({
                    path: render(path),
                    message: `${show(given)} is out of range; expected ${bound}${unit}`,
                });
                break;
            }
            default:
                out.push({ path: render(path), message: `${show(given)}: ${issue.message}` });
        }
    }
    return out;
}
