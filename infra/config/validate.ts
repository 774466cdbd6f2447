/**
 * Validates the stack config before any resource exists: the schema (strict keys, types, Azure's name rules)
 * and the rules that need the catalog (model known, deployment type, region, one serverless deployment per
 * model per workspace/project, lifecycle). Every problem is collected and reported at once.
 */
import {
    INFERENCE_API_ROUTES,
    MODELS,
    SERVERLESS_MODEL_ID,
    SERVERLESS_RATE_LIMITS,
    AZURE_REGIONS,
    closestModelNames,
    closestRegions,
    deploymentTypes,
    isAzureRegion,
    findModel,
    normalizeRegion,
    registryOf,
    type Lifecycle,
    type ModelEntry,
    type Source,
} from "../catalog";
import { closest } from "../catalog/suggest";
import { configPath, fromZodIssues, show, type ConfigIssue } from "./issues";
import { checkComponentNames, checkDuplicatePrincipals } from "./collisions";
import { checkLifecycle } from "./lifecycle";
import { arr, isObject, str, type Loose } from "./loose";
import { resolveFoundry, validateFoundry, type ValidFoundryConfig } from "./validateFoundry";
import { resolveOnlineEndpoints, validateOnlineEndpoints, type ResolvedOnlineEndpoint } from "./validateManaged";
import {
    customModelSchema,
    stackConfigSchema,
    type CustomModelConfig,
    type DeploymentConfig,
    type StackConfig,
} from "./schema";

export interface ValidateOptions {
    /** The day lifecycle dates are compared with. @default - today (UTC) */
    today?: Date;
}

/** A deployment whose model has been found. */
export interface ResolvedDeployment extends DeploymentConfig {
    /** The catalog entry, or the one built from a `customModels` entry. */
    catalogModel: ModelEntry;
    /** True when the model comes from `customModels`. */
    custom: boolean;
}

export interface ValidStackConfig extends Omit<StackConfig, "deployments" | "onlineEndpoints" | "foundry"> {
    deployments: ResolvedDeployment[];
    onlineEndpoints: ResolvedOnlineEndpoint[];
    /** The workspace region in ARM form (`eastus2`); the Foundry account's when the stack has no workspace. */
    location: string;
    /** The Foundry resource, its projects, content filters and deployments. */
    foundry?: ValidFoundryConfig;
}

export interface ValidationResult {
    config?: ValidStackConfig;
    errors: ConfigIssue[];
    warnings: ConfigIssue[];
}

/** A custom model's lifecycle in the catalog's form: its replacement, by name, is a catalog or custom model. */
function customLifecycle(lc: NonNullable<CustomModelConfig["lifecycle"]>, source: Source): Lifecycle {
    const { replacement, ...dates } = lc;
    return { ...dates, ...(replacement ? { replacement: { on: "catalog", model: replacement } } : {}), source };
}

/** Builds a catalog entry from a `customModels` entry, so the rest of the package treats both alike. */
export function customModelEntry(c: CustomModelConfig): ModelEntry {
    const source = { document: c.source, date: "stack config" };
    const name = c.modelId.split("/").pop() ?? c.name;
    return {
        name: c.name,
        displayName: c.name,
        aliases: name === c.name ? [] : [name],
        family: "other",
        publisher: c.publisher ?? registryOf(c.modelId) ?? "unknown",
        registry: registryOf(c.modelId) ?? "unknown",
        serverless: {
            modelId: c.modelId,
            regions: c.regions.map(normalizeRegion),
            regionsSource: source,
            routes: INFERENCE_API_ROUTES[c.task],
            rateLimits: SERVERLESS_RATE_LIMITS,
            ...(c.lifecycle ? { lifecycle: customLifecycle(c.lifecycle, source) } : {}),
        },
        capabilities: { systemRole: true, jsonMode: false, tools: false, documents: false, source },
        source,
    };
}

/** Validates the values of the config namespace (`workspace`, `deployments`, `customModels`, ...). */
export function validateStackConfig(raw: Loose, options: ValidateOptions = {}): ValidationResult {
    const today = options.today ?? new Date();
    const errors: ConfigIssue[] = [];
    const warnings: ConfigIssue[] = [];
    const err = (path: PropertyKey[], message: string) => errors.push({ path: configPath(path), message });
    const warn = (path: PropertyKey[], message: string) => warnings.push({ path: configPath(path), message });

    const parsed = stackConfigSchema.safeParse(raw, { reportInput: true });
    if (!parsed.success) errors.push(...fromZodIssues(stackConfigSchema, parsed.error.issues));

    // The catalog rules run on the raw values too, so one run reports every problem, not only the schema's.
    const existing = isObject(raw.existingWorkspace) ? raw.existingWorkspace : undefined;
    const hasWorkspace = isObject(raw.workspace) || existing !== undefined;
    const ws = isObject(raw.workspace) ? raw.workspace : {};
    const hubWork = arr(raw.deployments).length > 0 || arr(raw.onlineEndpoints).length > 0;
    if (raw.workspace === undefined && raw.existingWorkspace === undefined && (raw.foundry === undefined || hubWork)) {
        err(
            ["workspace"],
            raw.foundry === undefined
                ? `is required: describe the hub or workspace to create, or name one that exists under ${configPath(["existingWorkspace"])}`
                : `is required for ${configPath(["deployments"])} and ${configPath(["onlineEndpoints"])} (hub models): describe the hub or workspace, name one under ${configPath(["existingWorkspace"])}, or move the models to ${configPath(["foundry"])}.deployments`,
        );
    } else if (raw.workspace !== undefined && existing) {
        err(
            ["existingWorkspace"],
            `a stack either creates its workspace (${configPath(["workspace"])}) or uses an existing one; remove one of them`,
        );
    }
    if (existing) {
        const id = str(existing.id);
        const byName = existing.resourceGroupName !== undefined || existing.name !== undefined;
        if (id === undefined && !(existing.resourceGroupName !== undefined && existing.name !== undefined)) {
            err(["existingWorkspace"], "give the workspace's ARM id, or both resourceGroupName and name");
        } else if (id !== undefined && byName) {
            err(["existingWorkspace", "id"], "give either the ARM id or resourceGroupName and name, not both");
        }
    }
    const kind = existing ? "existing" : (str(ws.kind) ?? "hub");
    const locationPath: PropertyKey[] = existing ? ["existingWorkspace", "location"] : ["workspace", "location"];
    const rawLocation = str((existing ?? ws).location);
    /** Whether a region is Azure's; reports it (with the closest names) when it is not. */
    const checkRegion = (path: PropertyKey[], region: string): boolean => {
        if (isAzureRegion(region)) return true;
        const near = closestRegions(region);
        err(
            path,
            `${show(region)} is not an Azure region${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ""} (${AZURE_REGIONS.length} regions are known: the catalog's AZURE_REGIONS)`,
        );
        return false;
    };
    // A region that is not Azure's is reported once, here; the offer checks below then judge nothing.
    const location = rawLocation && checkRegion(locationPath, rawLocation) ? normalizeRegion(rawLocation) : undefined;
    const foundryLocation = isObject(raw.foundry) ? str(raw.foundry.location) : undefined;
    if (foundryLocation !== undefined) checkRegion(["foundry", "location"], foundryLocation);
    const projects = arr(ws.projects).map((p) => (isObject(p) ? str(p.name) : undefined));

    if (kind === "workspace" && projects.length > 0) {
        err(
            ["workspace", "projects"],
            `a classic workspace (kind: workspace) has no projects; set kind: hub to use projects, or remove them`,
        );
    }
    projects.forEach((name, i) => {
        if (name && projects.findIndex((n) => n?.toLowerCase() === name.toLowerCase()) < i) {
            err(
                ["workspace", "projects", i, "name"],
                `project ${show(name)} is defined twice; project names must be unique`,
            );
        }
    });

    /** The project a deployment or endpoint names: required and known on a hub, absent on a classic workspace. */
    const checkProject = (path: PropertyKey[], project: string | undefined) => {
        if (!hasWorkspace) return; // nothing to check against; the missing workspace is reported once
        if (kind === "existing") {
            if (project !== undefined)
                err(
                    path,
                    `${show(project)}: with ${configPath(["existingWorkspace"])} everything goes into that project or workspace; remove project`,
                );
            return;
        }
        const known = projects.filter((p): p is string => !!p);
        if (kind === "hub") {
            if (project === undefined) {
                err(path, `is required on a hub: name one of the projects (${known.join(", ") || "none defined"})`);
            } else if (!known.some((p) => p.toLowerCase() === project.toLowerCase())) {
                const near = closest(project, known, 1);
                err(
                    path,
                    `${show(project)} is not a project of the hub (projects: ${known.join(", ") || "none defined"})${near.length ? `; did you mean "${near[0]}"?` : ""}`,
                );
            }
        } else if (project !== undefined) {
            err(
                path,
                `${show(project)}: a classic workspace has no projects; remove project, or set workspace.kind: hub`,
            );
        }
    };

    // Custom models first: deployments may use them.
    const customs: ModelEntry[] = [];
    /** Names of custom models that are invalid: their own errors say why; deployments using them add nothing. */
    const brokenCustoms = new Set<string>();
    arr(raw.customModels).forEach((c, i) => {
        if (!isObject(c)) return;
        const name = str(c.name);
        const modelId = str(c.modelId);
        arr(c.regions).forEach((r, j) => {
            if (typeof r === "string") checkRegion(["customModels", i, "regions", j], r);
        });
        if (name && findModel(name)) {
            err(
                ["customModels", i, "name"],
                `${show(name)} is already in the catalog as ${findModel(name)!.name}; use it directly or pick another name`,
            );
        }
        if (name && customs.some((m) => m.name.toLowerCase() === name.toLowerCase())) {
            err(["customModels", i, "name"], `custom model ${show(name)} is defined twice`);
        }
        if (modelId !== undefined && !SERVERLESS_MODEL_ID.test(modelId)) {
            const hint = /\/versions\/\d+$/.test(modelId)
                ? " without /versions/<n> (serverless model ids have no version)"
                : "";
            err(
                ["customModels", i, "modelId"],
                `${show(modelId)} is not a serverless model id; expected azureml://registries/<registry>/models/<name>${hint}`,
            );
        }
        const one = customModelSchema.safeParse(c);
        if (one.success && SERVERLESS_MODEL_ID.test(one.data.modelId) && !findModel(one.data.name))
            customs.push(customModelEntry(one.data));
        else if (name) brokenCustoms.add(name.toLowerCase());
    });
    const known = [...MODELS, ...customs];

    // Deployments.
    const seenNames = new Map<string, number>();
    const seenModels = new Map<string, { index: number; name: string }>();
    const resolved: (ResolvedDeployment | undefined)[] = [];
    arr(raw.deployments).forEach((d, i) => {
        if (!isObject(d)) return;
        const name = str(d.name);
        const modelName = str(d.model);
        const type = str(d.type) ?? "serverless";
        const project = str(d.project);

        if (name) {
            const prior = seenNames.get(name.toLowerCase());
            if (prior !== undefined) {
                err(
                    ["deployments", i, "name"],
                    `endpoint name ${show(name)} is already used by deployments[${prior}]; endpoint names become part of the URL and must be unique`,
                );
            } else seenNames.set(name.toLowerCase(), i);
        }

        checkProject(["deployments", i, "project"], project);

        if (modelName === undefined) return;
        const customModel = customs.find((m) =>
            [m.name, ...m.aliases].some((k) => k.toLowerCase() === modelName.toLowerCase()),
        );
        const model = customModel ?? findModel(modelName);
        if (!model && brokenCustoms.has(modelName.toLowerCase())) return;
        if (!model) {
            const near = closestModelNames(modelName, known);
            err(
                ["deployments", i, "model"],
                `${show(modelName)} is not in the catalog${near.length ? `; closest: ${near.join(", ")}` : ""}. A model the catalog lacks can be added under ${configPath(["customModels"])}`,
            );
            return;
        }
        const supported = deploymentTypes(model);
        if (!supported.includes(type as "serverless" | "managed")) {
            if (type === "serverless" || type === "managed") {
                err(
                    ["deployments", i, "type"],
                    `${model.name} cannot be deployed as ${type}; supported: ${supported.join(", ")}`,
                );
            }
            return;
        }
        if (type === "managed") {
            err(
                ["deployments", i, "type"],
                `managed compute deployments live on online endpoints: configure ${model.name} under ${configPath(["onlineEndpoints"])}[].deployments`,
            );
            return;
        }

        const offer = model.serverless!;
        if (location && !offer.regions.includes(location)) {
            err(
                locationPath,
                `${show(rawLocation)} does not offer ${model.name} as a serverless API (deployments[${i}]); regions: ${offer.regions.join(", ")}`,
            );
        }

        const scope =
            kind === "hub"
                ? `project ${show(project ?? "")}`
                : kind === "existing"
                  ? "the existing workspace"
                  : "the workspace";
        const key = `${(kind === "hub" ? (project ?? "") : "").toLowerCase()}|${offer.modelId.toLowerCase()}`;
        const first = seenModels.get(key);
        if (first) {
            err(
                ["deployments", i, "model"],
                `${model.name} already has a serverless deployment in ${scope} (deployments[${first.index}] ${show(first.name)}); Azure allows one per model per workspace/project: use another project for more capacity`,
            );
        } else seenModels.set(key, { index: i, name: name ?? "" });

        checkLifecycle({
            model,
            offer: "serverless",
            lifecycle: offer.lifecycle,
            today,
            acceptRetired: d.acceptRetired === true,
            known,
            path: ["deployments", i, "model"],
            err,
            warn,
        });
        if (str(d.authMode) === "AAD" || str(d.authMode) === "KeyAndAAD") {
            warn(
                ["deployments", i, "authMode"],
                `${show(str(d.authMode))}: the docs say serverless endpoints do not accept Entra ID tokens; clients will need keys`,
            );
        }
        if (parsed.success) {
            resolved[i] = {
                ...(parsed.data.deployments[i] as DeploymentConfig),
                catalogModel: model,
                custom: model === customModel,
            };
        }
    });

    const endpoints = validateOnlineEndpoints(raw.onlineEndpoints, { err, warn, today, checkProject });
    checkDuplicatePrincipals(raw, err);
    checkComponentNames(raw.onlineEndpoints, err);
    const foundry = validateFoundry(raw.foundry, { err, warn, today });
    if (!parsed.success || errors.length > 0) return { errors, warnings };
    const { foundry: foundryConfig, ...rest } = parsed.data;
    return {
        errors,
        warnings,
        config: {
            ...rest,
            ...(foundryConfig ? { foundry: resolveFoundry(foundryConfig, foundry) } : {}),
            location: normalizeRegion(
                (parsed.data.workspace ?? parsed.data.existingWorkspace ?? foundryConfig)!.location,
            ),
            deployments: resolved.filter((d): d is ResolvedDeployment => d !== undefined),
            onlineEndpoints: resolveOnlineEndpoints(parsed.data.onlineEndpoints, endpoints),
        },
    };
}
