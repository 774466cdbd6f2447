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
import { inSchemaOrder, parseEntries, type Entry, type RootedIssue } from "./entries";
import { checkComponentNames, checkDuplicatePrincipals, checkSharedResources } from "./collisions";
import { checkLifecycle } from "./lifecycle";
import { z } from "zod";
import { arr, isObject, str, type Loose } from "./loose";
import { resolveFoundry, validateFoundry, type ValidFoundryConfig } from "./validateFoundry";
import { validateNetwork, workspacePublicSide } from "./networkSchema";
import { validateOutboundRules } from "./outboundSchema";
import {
    resolveOnlineEndpoints,
    validateOnlineEndpoints,
    type EndpointEntry,
    type ResolvedOnlineEndpoint,
} from "./validateManaged";
import { foundryDeploymentSchema, foundrySchema } from "./foundrySchema";
import {
    customModelSchema,
    deploymentSchema,
    managedDeploymentSchema,
    onlineEndpointSchema,
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

/** What every check reports into, and the day lifecycles are judged on. */
interface Checks {
    err: (path: PropertyKey[], message: string) => void;
    warn: (path: PropertyKey[], message: string) => void;
    today: Date;
}

/** Where the hub models go: the workspace kind, its region and projects, as the raw config gives them. */
interface HubScope {
    /** `hub`, `workspace` (classic) or `existing` (a project or workspace another stack owns). */
    kind: string;
    /** Whether the stack names a workspace at all (created or existing). */
    hasWorkspace: boolean;
    locationPath: PropertyKey[];
    rawLocation?: string;
    /** The workspace region in ARM form, when it is an Azure region. */
    location?: string;
    projects: (string | undefined)[];
    /** Reports a project reference that does not fit the workspace. */
    checkProject: (path: PropertyKey[], project: string | undefined) => void;
}

/** The endpoint without its deployments, which are entries of their own. */
const endpointShell = onlineEndpointSchema.extend({ deployments: z.array(z.unknown()).min(1) });
/**
 * The stack config without its list entries: each entry is parsed once, on its own (see `./entries`); the stack's
 * keys, and its lists as lists, here.
 */
const stackShell = stackConfigSchema.extend({
    deployments: z.array(z.unknown()).default([]),
    onlineEndpoints: z.array(z.unknown()).default([]),
    foundry: foundrySchema.extend({ deployments: z.array(z.unknown()).default([]) }).optional(),
});

/** Every list entry of the raw config, parsed once each; their schema problems go to `issues`. */
function configEntries(raw: Loose, issues: RootedIssue[]) {
    const endpoints: EndpointEntry[] = parseEntries(
        endpointShell,
        raw.onlineEndpoints,
        ["onlineEndpoints"],
        issues,
    ).map((e) => ({
        ...e,
        deployments: parseEntries(
            managedDeploymentSchema,
            isObject(e.raw) ? e.raw.deployments : undefined,
            [...e.path, "deployments"],
            issues,
        ),
    }));
    return {
        deployments: parseEntries(deploymentSchema, raw.deployments, ["deployments"], issues),
        endpoints,
        foundryDeployments: parseEntries(
            foundryDeploymentSchema,
            isObject(raw.foundry) ? raw.foundry.deployments : undefined,
            ["foundry", "deployments"],
            issues,
        ),
    };
}

/** Validates the values of the config namespace (`workspace`, `deployments`, `customModels`, ...). */
export function validateStackConfig(raw: Loose, options: ValidateOptions = {}): ValidationResult {
    const errors: ConfigIssue[] = [];
    const warnings: ConfigIssue[] = [];
    const checks: Checks = {
        err: (path, message) => errors.push({ path: configPath(path), message }),
        warn: (path, message) => warnings.push({ path: configPath(path), message }),
        today: options.today ?? new Date(),
    };
    const parsed = stackShell.safeParse(raw, { reportInput: true });
    const zodIssues: RootedIssue[] = parsed.success ? [] : [...parsed.error.issues];
    const entries = configEntries(raw, zodIssues);
    errors.push(...fromZodIssues(stackConfigSchema, inSchemaOrder(stackConfigSchema, zodIssues)));

    // The catalog rules run on the raw values too, so one run reports every problem, not only the schema's.
    checkWorkspaceChoice(raw, checks.err);
    const checkRegion = regionChecker(checks.err);
    const scope = hubScope(raw, checkRegion, checks.err);
    const foundryLocation = isObject(raw.foundry) ? str(raw.foundry.location) : undefined;
    // As for the hub: a region that is not Azure's is reported once, here; the Foundry offer checks then judge none.
    const foundryRegion =
        foundryLocation !== undefined && checkRegion(["foundry", "location"], foundryLocation)
            ? normalizeRegion(foundryLocation)
            : undefined;
    const { customs, broken } = validateCustomModels(raw.customModels, checkRegion, checks.err);
    const resolved = validateServerless(entries.deployments, { scope, customs, broken, checks });
    const endpoints = validateOnlineEndpoints(entries.endpoints, { ...checks, checkProject: scope.checkProject });
    checkDuplicatePrincipals(raw, checks.err);
    checkPrincipalsName(raw, checks);
    checkComponentNames(raw.onlineEndpoints, checks.err);
    checkSharedResources(raw, checks.err);
    // A resource closed to every client with no way in is an error like any other (docs/networking.md).
    const foundry = validateFoundry(raw.foundry, entries.foundryDeployments, { ...checks, region: foundryRegion });
    if (isObject(raw.workspace)) {
        const ws = raw.workspace;
        validateOutboundRules(ws, checks.err);
        validateNetwork(
            "workspace",
            ws,
            [
                "mlWorkspace",
                "storageBlob",
                "storageFile",
                "keyVault",
                ...(ws.containerRegistry === true ? (["containerRegistry"] as const) : []),
            ],
            workspacePublicSide(ws),
            checks.err,
        );
    }
    if (!parsed.success || errors.length > 0) return { errors, warnings };
    const { foundry: foundryConfig, workspace, ...rest } = parsed.data;
    return {
        errors,
        warnings,
        config: {
            ...rest,
            ...(workspace ? { workspace: withPrincipals(workspace) } : {}),
            ...(foundryConfig ? { foundry: resolveFoundry(foundryConfig, foundry) } : {}),
            location: normalizeRegion(
                (parsed.data.workspace ?? parsed.data.existingWorkspace ?? foundryConfig)!.location,
            ),
            deployments: resolved,
            onlineEndpoints: resolveOnlineEndpoints(endpoints),
        },
    };
}

/** `workspace.aiDevelopers` is the deprecated name of `workspace.principals`: a warning, and an error with both. */
function checkPrincipalsName(raw: Loose, checks: Checks): void {
    if (!isObject(raw.workspace) || raw.workspace.aiDevelopers === undefined) return;
    if (raw.workspace.principals !== undefined)
        checks.err(
            ["workspace", "aiDevelopers"],
            `is the deprecated name of ${configPath(["workspace", "principals"])}, which is given too; give the list once, as principals`,
        );
    else
        checks.warn(
            ["workspace", "aiDevelopers"],
            `is deprecated: rename it to principals (the name ${configPath(["foundry", "principals"])} and every component use)`,
        );
}

/** The workspace with its principals under their one name (from the deprecated `aiDevelopers` when that was given). */
function withPrincipals(ws: NonNullable<StackConfig["workspace"]>): NonNullable<StackConfig["workspace"]> {
    const { aiDevelopers, ...rest } = ws;
    return { ...rest, principals: aiDevelopers ?? ws.principals };
}

/** Hub models need a workspace (created or existing, not both); an existing one is named one way. */
function checkWorkspaceChoice(raw: Loose, err: Checks["err"]): void {
    const existing = isObject(raw.existingWorkspace) ? raw.existingWorkspace : undefined;
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
    if (!existing) return;
    const id = str(existing.id);
    const byName = existing.resourceGroupName !== undefined || existing.name !== undefined;
    if (id === undefined && !(existing.resourceGroupName !== undefined && existing.name !== undefined)) {
        err(["existingWorkspace"], "give the workspace's ARM id, or both resourceGroupName and name");
    } else if (id !== undefined && byName) {
        err(["existingWorkspace", "id"], "give either the ARM id or resourceGroupName and name, not both");
    }
}

/** Whether a region is Azure's; reports it (with the closest names) when it is not. */
function regionChecker(err: Checks["err"]): (path: PropertyKey[], region: string) => boolean {
    return (path, region) => {
        if (isAzureRegion(region)) return true;
        const near = closestRegions(region);
        err(
            path,
            `${show(region)} is not an Azure region${near.length ? `; did you mean ${near.map((n) => `"${n}"`).join(" or ")}?` : ""} (${AZURE_REGIONS.length} regions are known: the catalog's AZURE_REGIONS)`,
        );
        return false;
    };
}

/** The workspace the hub models go into, its projects checked (unique; none on a classic workspace). */
function hubScope(
    raw: Loose,
    checkRegion: (path: PropertyKey[], region: string) => boolean,
    err: Checks["err"],
): HubScope {
    const existing = isObject(raw.existingWorkspace) ? raw.existingWorkspace : undefined;
    const ws = isObject(raw.workspace) ? raw.workspace : {};
    const kind = existing ? "existing" : (str(ws.kind) ?? "hub");
    const locationPath: PropertyKey[] = existing ? ["existingWorkspace", "location"] : ["workspace", "location"];
    const rawLocation = str((existing ?? ws).location);
    // A region that is not Azure's is reported once, here; the offer checks then judge nothing.
    const location = rawLocation && checkRegion(locationPath, rawLocation) ? normalizeRegion(rawLocation) : undefined;
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
    const hasWorkspace = isObject(raw.workspace) || existing !== undefined;
    const scope = { kind, hasWorkspace, locationPath, rawLocation, location, projects };
    return { ...scope, checkProject: (path, project) => checkProject(scope, path, project, err) };
}

/** The project a deployment or endpoint names: required and known on a hub, absent on a classic workspace. */
function checkProject(
    scope: Omit<HubScope, "checkProject">,
    path: PropertyKey[],
    project: string | undefined,
    err: Checks["err"],
): void {
    if (!scope.hasWorkspace) return; // nothing to check against; the missing workspace is reported once
    if (scope.kind === "existing") {
        if (project !== undefined)
            err(
                path,
                `${show(project)}: with ${configPath(["existingWorkspace"])} everything goes into that project or workspace; remove project`,
            );
        return;
    }
    const known = scope.projects.filter((p): p is string => !!p);
    if (scope.kind === "hub") {
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
        err(path, `${show(project)}: a classic workspace has no projects; remove project, or set workspace.kind: hub`);
    }
}

/**
 * The `customModels` entries, checked and turned into catalog entries (deployments may use them); `broken` names the
 * invalid ones, whose own errors say why, so deployments using them add nothing.
 */
function validateCustomModels(
    raw: unknown,
    checkRegion: (path: PropertyKey[], region: string) => boolean,
    err: Checks["err"],
): { customs: ModelEntry[]; broken: Set<string> } {
    const customs: ModelEntry[] = [];
    const broken = new Set<string>();
    arr(raw).forEach((c, i) => {
        if (!isObject(c)) return;
        const name = str(c.name);
        const modelId = str(c.modelId);
        arr(c.regions).forEach((r, j) => {
            if (typeof r === "string") checkRegion(["customModels", i, "regions", j], r);
        });
        const known = name ? findModel(name) : undefined;
        if (known && (known.serverless || known.managed)) {
            err(
                ["customModels", i, "name"],
                `${show(name)} is already in the catalog as ${known.name}; use it directly or pick another name`,
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
        if (
            one.success &&
            SERVERLESS_MODEL_ID.test(one.data.modelId) &&
            !(known && (known.serverless || known.managed))
        )
            customs.push(customModelEntry(one.data));
        else if (name) broken.add(name.toLowerCase());
    });
    return { customs, broken };
}

/** What the serverless checks need besides the deployment itself. */
interface ServerlessContext {
    scope: HubScope;
    customs: ModelEntry[];
    broken: Set<string>;
    checks: Checks;
}

/**
 * The serverless `deployments`: unique endpoint names, the project, and each model's offer (see
 * {@link checkServerlessModel}); returns the deployments that parsed and whose model was found, each resolved with
 * its own catalog entry (with no error, every deployment).
 */
function validateServerless(entries: readonly Entry<DeploymentConfig>[], ctx: ServerlessContext): ResolvedDeployment[] {
    const seenNames = new Map<string, number>();
    const seenModels = new Map<string, { index: number; name: string }>();
    const resolved: ResolvedDeployment[] = [];
    entries.forEach(({ raw: d, index: i, parsed }) => {
        if (!isObject(d)) return;
        const name = str(d.name);
        if (name) {
            const prior = seenNames.get(name.toLowerCase());
            if (prior !== undefined) {
                ctx.checks.err(
                    ["deployments", i, "name"],
                    `endpoint name ${show(name)} is already used by deployments[${prior}]; endpoint names become part of the URL and must be unique`,
                );
            } else seenNames.set(name.toLowerCase(), i);
        }
        ctx.scope.checkProject(["deployments", i, "project"], str(d.project));
        const found = checkServerlessModel(d, i, ctx, seenModels);
        if (found && parsed) resolved.push({ ...parsed, catalogModel: found.model, custom: found.custom });
    });
    return resolved;
}

/**
 * One deployment's model: known (catalog or custom), deployable serverless, sold in the workspace's region, the
 * only serverless deployment of its model in its project, and not retired. Returns the model when it is deployable.
 */
function checkServerlessModel(
    d: Loose,
    i: number,
    ctx: ServerlessContext,
    seenModels: Map<string, { index: number; name: string }>,
): { model: ModelEntry; custom: boolean } | undefined {
    const { err, warn, today } = ctx.checks;
    const { scope, customs } = ctx;
    const modelName = str(d.model);
    if (modelName === undefined) return undefined;
    const customModel = customs.find((m) =>
        [m.name, ...m.aliases].some((k) => k.toLowerCase() === modelName.toLowerCase()),
    );
    const model = customModel ?? findModel(modelName);
    if (!model) {
        if (ctx.broken.has(modelName.toLowerCase())) return undefined;
        const near = closestModelNames(modelName, [...MODELS.filter((m) => m.serverless || m.managed), ...customs]);
        err(
            ["deployments", i, "model"],
            `${show(modelName)} is not in the catalog${near.length ? `; closest: ${near.join(", ")}` : ""}. A model the catalog lacks can be added under ${configPath(["customModels"])}`,
        );
        return undefined;
    }
    if (!checkServerlessType(model, str(d.type) ?? "serverless", ["deployments", i, "type"], err)) return undefined;
    const offer = model.serverless!;
    if (scope.location && !offer.regions.includes(scope.location)) {
        err(
            scope.locationPath,
            `${show(scope.rawLocation)} does not offer ${model.name} as a serverless API (deployments[${i}]); regions: ${offer.regions.join(", ")}`,
        );
    }
    checkOnePerModel(d, i, offer.modelId, model, scope, seenModels, err);
    checkLifecycle({
        model,
        offer: "serverless",
        lifecycle: offer.lifecycle,
        today,
        acceptRetired: d.acceptRetired === true,
        known: [...MODELS, ...customs],
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
    return { model, custom: model === customModel };
}

/** Whether the model deploys as serverless; managed models belong under `onlineEndpoints`. */
function checkServerlessType(model: ModelEntry, type: string, path: PropertyKey[], err: Checks["err"]): boolean {
    const supported = deploymentTypes(model);
    if (supported.length === 0) {
        err(
            path.slice(0, -1).concat("model"),
            `${model.name} is offered only on a Foundry resource: deploy it under ${configPath(["foundry"])}.deployments`,
        );
        return false;
    }
    if (!supported.includes(type as "serverless" | "managed")) {
        if (type === "serverless" || type === "managed")
            err(path, `${model.name} cannot be deployed as ${type}; supported: ${supported.join(", ")}`);
        return false;
    }
    if (type === "managed") {
        err(
            path,
            `managed compute deployments live on online endpoints: configure ${model.name} under ${configPath(["onlineEndpoints"])}[].deployments`,
        );
        return false;
    }
    return true;
}

/** Azure allows one serverless deployment per model per workspace or project. */
function checkOnePerModel(
    d: Loose,
    i: number,
    modelId: string,
    model: ModelEntry,
    scope: HubScope,
    seenModels: Map<string, { index: number; name: string }>,
    err: Checks["err"],
): void {
    const project = str(d.project);
    const where =
        scope.kind === "hub"
            ? `project ${show(project ?? "")}`
            : scope.kind === "existing"
              ? "the existing workspace"
              : "the workspace";
    const key = `${(scope.kind === "hub" ? (project ?? "") : "").toLowerCase()}|${modelId.toLowerCase()}`;
    const first = seenModels.get(key);
    if (first) {
        err(
            ["deployments", i, "model"],
            `${model.name} already has a serverless deployment in ${where} (deployments[${first.index}] ${show(first.name)}); Azure allows one per model per workspace/project: use another project for more capacity`,
        );
    } else seenModels.set(key, { index: i, name: str(d.name) ?? "" });
}
