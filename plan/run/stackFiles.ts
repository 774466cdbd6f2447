/**
 * Reads a project's config the way `pulumi preview` does: project-level `config:` in `Pulumi.yaml` (values and
 * defaults), overridden by the stack file `Pulumi.<stack>.yaml` (in `stackConfigDir` when the project sets one),
 * for a stack named `dev` or fully qualified `org/project/dev`. ESC `environment:` imports cannot be resolved
 * offline: the plan says so, names the keys it did not see, and takes their values from `--config-file` files.
 */
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { parse, type Tags } from "yaml";
import { stackConfigSchema } from "../../infra/config/schema";
import { SECRET } from "./types";

/** Thrown for problems with the project files themselves (missing stack file, unreadable YAML). */
export class PlanSetupError extends Error {}

export interface StackFiles {
    project: string;
    /** The stack's short name (`dev` of `org/project/dev`), as the program sees it in `pulumi.getStack()`. */
    stack: string;
    main: string;
    /** Flat config as the CLI hands it to the program: `namespace:key` to string. */
    config: Record<string, string>;
    /** Keys whose values are `secure:` (or contain one): shown as secrets, never decrypted. */
    secretKeys: string[];
    /** ESC environments the stack file imports (the plan cannot resolve them). */
    environments: string[];
    /** What the plan could not see: one line per problem, for the plan's warnings. */
    notes: string[];
}

/**
 * YAML as the Pulumi CLI reads project and stack files (Go, go-yaml v3): merge keys (`<<: *defaults`) merge, and
 * `0755` is an octal number as in YAML 1.1 ("Octals encode and decode as 0777 per YAML 1.1", go-yaml v3's README),
 * while `yes`/`no`/`on`/`off` stay strings when the value is not decoded into a typed bool (the same README), as the
 * `yaml` package's YAML 1.2 core schema reads them. The package alone keeps `<<` as a key and reads `0755` as 755.
 */
const LEGACY_OCTAL = {
    tag: "tag:yaml.org,2002:int",
    default: true,
    test: /^[-+]?0[0-7]+$/,
    resolve: (text: string) => parseInt(text, 8),
    identify: () => false,
};

export const PULUMI_YAML_OPTIONS = {
    merge: true,
    customTags: (tags: Tags) => [LEGACY_OCTAL, ...tags],
};

export function readYaml(file: string): Record<string, unknown> {
    try {
        return (parse(readFileSync(file, "utf8"), PULUMI_YAML_OPTIONS) ?? {}) as Record<string, unknown>;
    } catch (e) {
        throw new PlanSetupError(`${file}: ${(e as Error).message}`);
    }
}

/** Replaces `{ secure: ... }` values with a placeholder; returns whether it found any. */
function stripSecure(value: unknown): { value: unknown; secret: boolean } {
    if (Array.isArray(value)) {
        const parts = value.map(stripSecure);
        return { value: parts.map((p) => p.value), secret: parts.some((p) => p.secret) };
    }
    if (value && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (Object.keys(obj).length === 1 && typeof obj.secure === "string") return { value: SECRET, secret: true };
        let secret = false;
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) {
            const p = stripSecure(v);
            out[k] = p.value;
            secret ||= p.secret;
        }
        return { value: out, secret };
    }
    return { value, secret: false };
}

const PROJECT_CONFIG_KEYS = new Set(["type", "description", "default", "value", "secret", "items"]);

/**
 * The value a project-level `config:` entry sets: a literal, or a declaration `{ type?, description?, default?,
 * value?, ... }` whose `value` (else `default`) applies. Undefined when it sets none (a declaration only).
 */
function projectValue(entry: unknown): unknown {
    if (entry && typeof entry === "object" && !Array.isArray(entry)) {
        const keys = Object.keys(entry);
        if (keys.length > 0 && keys.every((k) => PROJECT_CONFIG_KEYS.has(k))) {
            const e = entry as Record<string, unknown>;
            return e.value ?? e.default;
        }
    }
    return entry;
}

/** `dev`, or `org/project/dev` whose project must be this one: the short name. */
export function stackShortName(stack: string, project: string): string {
    const parts = stack.split("/");
    if (parts.length === 1) return stack;
    if (parts.length !== 3 || parts.some((p) => p === ""))
        throw new PlanSetupError(`stack "${stack}" is neither a name nor org/project/stack`);
    if (parts[1] !== project)
        throw new PlanSetupError(`stack "${stack}" belongs to project "${parts[1]}", not "${project}" (Pulumi.yaml)`);
    return parts[2];
}

/** The ESC environments a stack file imports: `environment: [a, b]` or `environment: { imports: [a, b] }`. */
function environmentsOf(file: Record<string, unknown>): string[] {
    const env = file.environment;
    const list = Array.isArray(env)
        ? env
        : env && typeof env === "object"
          ? (env as { imports?: unknown }).imports
          : [];
    return (Array.isArray(list) ? list : []).map((e) => (typeof e === "string" ? e : JSON.stringify(e)));
}

/** Adds a `config:` map's entries (keys without a namespace get the project's) to the flat config. */
function addConfig(
    out: { config: Record<string, string>; secretKeys: Set<string> },
    entries: Record<string, unknown>,
    project: string,
    read: (entry: unknown) => unknown = (e) => e,
): void {
    for (const [rawKey, entry] of Object.entries(entries)) {
        const raw = read(entry);
        if (raw === undefined) continue;
        const key = rawKey.includes(":") ? rawKey : `${project}:${rawKey}`;
        const { value, secret } = stripSecure(raw);
        out.config[key] = typeof value === "string" ? value : JSON.stringify(value);
        if (secret) out.secretKeys.add(key);
        else out.secretKeys.delete(key);
    }
}

/**
 * Reads the project and stack files into the flat config the Pulumi CLI would give the program. `configFiles`
 * (`--config-file`) are stack-file-shaped files (`config:`) that stand in for the ESC environments the stack file
 * imports: their values override the project's and are overridden by the stack file's, as an environment's are.
 */
export function readStackFiles(projectDir: string, stack: string, configFiles: readonly string[] = []): StackFiles {
    const projectFile = path.join(projectDir, "Pulumi.yaml");
    if (!existsSync(projectFile)) throw new PlanSetupError(`no Pulumi.yaml in ${projectDir}`);
    const project = readYaml(projectFile);
    const name = String(project.name ?? "");
    const short = stackShortName(stack, name);
    const dir =
        typeof project.stackConfigDir === "string" ? path.resolve(projectDir, project.stackConfigDir) : projectDir;
    const stackFile = path.join(dir, `Pulumi.${short}.yaml`);
    if (!existsSync(stackFile))
        throw new PlanSetupError(`no stack file ${path.basename(stackFile)} in ${dir} (stack "${stack}")`);
    const stackYaml = readYaml(stackFile);

    const out = { config: {} as Record<string, string>, secretKeys: new Set<string>() };
    addConfig(out, (project.config ?? {}) as Record<string, unknown>, name, projectValue);
    for (const file of configFiles) {
        if (!existsSync(file)) throw new PlanSetupError(`no config file ${file}`);
        addConfig(out, (readYaml(file).config ?? {}) as Record<string, unknown>, name);
    }
    addConfig(out, (stackYaml.config ?? {}) as Record<string, unknown>, name);

    const environments = environmentsOf(stackYaml);
    const notes: string[] = [];
    if (environments.length > 0) {
        const unseen = Object.keys(stackConfigSchema.shape)
            .map((k) => `azure-ai-models:${k}`)
            .filter((k) => !(k in out.config));
        notes.push(
            `${path.basename(stackFile)} imports the ESC environment${environments.length === 1 ? "" : "s"} ${environments.join(", ")}, ` +
                `which the offline plan cannot resolve: it plans without the config they set` +
                (unseen.length ? `; keys it could not see: ${unseen.join(", ")}` : "") +
                `. Give their values with --config-file FILE (a file with a config: map, like a stack file).`,
        );
    }
    const main = typeof project.main === "string" ? project.main : "index.ts";
    return {
        project: name,
        stack: short,
        main: path.resolve(projectDir, main),
        config: out.config,
        secretKeys: [...out.secretKeys],
        environments,
        notes,
    };
}
