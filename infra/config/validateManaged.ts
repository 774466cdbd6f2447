/**
 * Validation of managed compute: online endpoints and their deployments. Runs on the raw config values, like the
 * serverless checks, so one run reports every problem. Azure's rules: a deployment's model must be offered on managed
 * compute and pinned to a version; its instance type among the sizes the model's asset allows (overridable); names
 * follow Azure's pattern and are unique; at most 20 deployments per endpoint; traffic names existing deployments and
 * sums to 100; mirror traffic at most 50 and never to a deployment that takes live traffic; shared quota only for
 * models that allow it, and only with the 168-hour deletion acknowledged.
 */
import {
    MODELS,
    closestModelNames,
    deploymentTypes,
    findModel,
    findVmSize,
    managedAssetId,
    type ModelEntry,
    type VmSize,
} from "../catalog";
import { trafficProblems } from "../catalog/traffic";
import { mustHave, type Entry } from "./entries";
import { configPath, show } from "./issues";
import { checkLifecycle } from "./lifecycle";
import { isObject, num, str, type Loose } from "./loose";
import type { ManagedDeploymentConfig, OnlineEndpointConfig } from "./schema";

/** Azure's limit of deployments per online endpoint. */
const MAX_DEPLOYMENTS_PER_ENDPOINT = 20;

export interface ManagedContext {
    err: (path: PropertyKey[], message: string) => void;
    warn: (path: PropertyKey[], message: string) => void;
    today: Date;
    checkProject: (path: PropertyKey[], project: string | undefined) => void;
}

/** What validation learnt of one deployment: the model and the id to deploy. */
export interface ManagedModelFacts {
    catalogModel: ModelEntry;
    /** `azureml://registries/<registry>/models/<asset>/versions/<n>`. */
    modelId: string;
    /** The VM size's facts, when the catalog's table has it. */
    vmSize?: VmSize;
}

export interface ResolvedManagedDeployment extends ManagedDeploymentConfig, ManagedModelFacts {}

/** An endpoint entry (parsed without its deployments) with its deployments, each an entry of its own. */
export interface EndpointEntry extends Entry<Omit<OnlineEndpointConfig, "deployments">> {
    deployments: Entry<ManagedDeploymentConfig>[];
}

/** A managed deployment entry with what validation learnt of its model (absent when that was refused). */
export interface ManagedDeploymentEntry extends Entry<ManagedDeploymentConfig> {
    facts?: ManagedModelFacts;
}

/** An endpoint entry with its deployments checked. */
export interface CheckedEndpointEntry extends Omit<EndpointEntry, "deployments"> {
    deployments: ManagedDeploymentEntry[];
}

export interface ResolvedOnlineEndpoint extends Omit<OnlineEndpointConfig, "deployments" | "traffic"> {
    deployments: ResolvedManagedDeployment[];
    /** The split to apply once the deployments exist (100 to the only deployment when none was given). */
    traffic: Record<string, number>;
}

/** Validates `onlineEndpoints`; returns each endpoint entry with the facts found for each of its deployments. */
export function validateOnlineEndpoints(
    entries: readonly EndpointEntry[],
    ctx: ManagedContext,
): CheckedEndpointEntry[] {
    const endpointNames = new Map<string, number>();
    return entries.map((entry) => ({ ...entry, deployments: checkEndpoint(entry, endpointNames, ctx) }));
}

/** One endpoint's own rules and its deployments'; returns the deployments with their facts. */
function checkEndpoint(
    entry: EndpointEntry,
    endpointNames: Map<string, number>,
    ctx: ManagedContext,
): ManagedDeploymentEntry[] {
    const { err } = ctx;
    const { raw: e, index: i } = entry;
    if (!isObject(e)) return entry.deployments;
    {
        const base: PropertyKey[] = [...entry.path];
        const name = str(e.name);
        if (name) {
            const prior = endpointNames.get(name.toLowerCase());
            if (prior !== undefined)
                err(
                    [...base, "name"],
                    `endpoint name ${show(name)} is already used by onlineEndpoints[${prior}]; endpoint names form the scoring URL and must be unique`,
                );
            else endpointNames.set(name.toLowerCase(), i);
        }
        ctx.checkProject([...base, "project"], str(e.project));

        const deployments = entry.deployments;
        if (deployments.length > MAX_DEPLOYMENTS_PER_ENDPOINT) {
            err(
                [...base, "deployments"],
                `has ${deployments.length} deployments; Azure allows at most ${MAX_DEPLOYMENTS_PER_ENDPOINT} per endpoint: split them across endpoints`,
            );
        }
        const names: string[] = [];
        const sharedQuota = isObject(e.sharedQuota);
        if (sharedQuota && (e.sharedQuota as Loose).acknowledgeDeletionAfter168Hours !== true) {
            err(
                [...base, "sharedQuota", "acknowledgeDeletionAfter168Hours"],
                `${show((e.sharedQuota as Loose).acknowledgeDeletionAfter168Hours)}: an endpoint on shared quota is deleted after 168 hours; set acknowledgeDeletionAfter168Hours: true to accept that, or remove sharedQuota`,
            );
        }

        const checked = deployments.map((dep): ManagedDeploymentEntry => {
            const d = dep.raw;
            if (!isObject(d)) return dep;
            const path: PropertyKey[] = [...dep.path];
            const dName = str(d.name);
            if (dName) {
                if (names.some((n) => n.toLowerCase() === dName.toLowerCase()))
                    err([...path, "name"], `deployment name ${show(dName)} is used twice in this endpoint`);
                names.push(dName);
            }
            if (num(d.instanceCount) !== undefined && isObject(d.autoscale)) {
                err(
                    [...path, "instanceCount"],
                    `${show(d.instanceCount)}: set either instanceCount or autoscale, not both`,
                );
            }
            if (isObject(d.autoscale)) {
                const min = num(d.autoscale.minInstances) ?? 1;
                const max = num(d.autoscale.maxInstances);
                if (max !== undefined && min > max)
                    err([...path, "autoscale", "minInstances"], `${min} is more than maxInstances (${max})`);
            }
            const facts = checkModel(d, path, sharedQuota, ctx);
            return facts ? { ...dep, facts } : dep;
        });

        checkTraffic(e, base, names, ctx);
        return checked;
    }
}

/**
 * The deployment's VM size: among the sizes the model's asset allows (or allowed explicitly), in the catalog's size
 * table (for the quota), and at least the model's minimum spec. Returns the size's facts when the table has them.
 */
function checkInstanceType(d: Loose, path: PropertyKey[], model: ModelEntry, ctx: ManagedContext): VmSize | undefined {
    const offer = model.managed!;
    const instanceType = str(d.instanceType);
    if (!instanceType) return undefined;
    const vmSize = findVmSize(instanceType);
    const allowed = offer.allowedInstanceTypes;
    if (allowed && !allowed.some((a) => a.toLowerCase() === instanceType.toLowerCase())) {
        const text = `${show(instanceType)} is not among the sizes ${model.name}'s asset allows: ${allowed.join(", ")}`;
        if (d.allowInstanceType === true) ctx.warn([...path, "instanceType"], `${text} (allowed by allowInstanceType)`);
        else ctx.err([...path, "instanceType"], `${text}. Set allowInstanceType: true to use it anyway`);
    } else if (!vmSize) {
        ctx.warn(
            [...path, "instanceType"],
            `${show(instanceType)} is not in the catalog's VM size table: the plan cannot count its quota`,
        );
    }
    const min = offer.minimumSpec;
    if (min && vmSize && (vmSize.vCPUs < min.vCPUs || vmSize.gpus < min.gpus)) {
        ctx.warn(
            [...path, "instanceType"],
            `${vmSize.name} (${vmSize.vCPUs} vCPUs, ${vmSize.gpus} GPUs) is below ${model.name}'s minimum of ${min.vCPUs} vCPUs and ${min.gpus} GPUs`,
        );
    }
    return vmSize;
}

function checkModel(
    d: Loose,
    path: PropertyKey[],
    sharedQuota: boolean,
    ctx: ManagedContext,
): ManagedModelFacts | undefined {
    const { err, warn } = ctx;
    const modelName = str(d.model);
    if (modelName === undefined) return undefined;
    const model = findModel(modelName);
    if (!model) {
        const near = closestModelNames(modelName);
        err(
            [...path, "model"],
            `${show(modelName)} is not in the catalog${near.length ? `; closest: ${near.join(", ")}` : ""}`,
        );
        return undefined;
    }
    const offer = model.managed;
    if (!offer) {
        const where =
            deploymentTypes(model).length > 0
                ? `supported: ${deploymentTypes(model).join(", ")} (serverless models go under ${configPath(["deployments"])})`
                : `it is offered only on a Foundry resource: deploy it under ${configPath(["foundry"])}.deployments`;
        err([...path, "model"], `${model.name} is not offered on managed compute; ${where}`);
        return undefined;
    }
    const version = num(d.version) ?? offer.version;
    if (version === undefined) {
        err(
            [...path, "version"],
            `is required: the catalog pins no version of ${offer.assetName}; give the registry asset version (managed model ids end in /versions/<n>)`,
        );
    }

    const vmSize = checkInstanceType(d, path, model, ctx);

    if (sharedQuota && offer.sharedQuota !== true) {
        err(
            [...path, "model"],
            `${model.name} does not allow shared quota (its asset does not set SharedComputeCapacityEnabled); use your own quota for this endpoint`,
        );
    }

    checkLifecycle({
        model,
        offer: "managed",
        lifecycle: offer.lifecycle,
        today: ctx.today,
        acceptRetired: d.acceptRetired === true,
        known: MODELS,
        path: [...path, "model"],
        err,
        warn,
    });
    return version === undefined
        ? undefined
        : { catalogModel: model, modelId: managedAssetId(model, version), ...(vmSize ? { vmSize } : {}) };
}

/**
 * The endpoint's split against Azure's rule (`trafficProblems`, shared with the EndpointTraffic provider and the
 * policy), after the one rule of this config: with more than one deployment, `traffic` must be given (with one, it
 * defaults to 100 for that deployment). Percentages that are not numbers are the schema's to report.
 */
function checkTraffic(e: Loose, base: PropertyKey[], names: string[], ctx: ManagedContext): void {
    if (e.traffic === undefined && names.length > 1) {
        ctx.err(
            [...base, "traffic"],
            `is required when an endpoint has more than one deployment: give each of ${names.join(", ")} a percentage adding up to 100`,
        );
        return;
    }
    const traffic = e.traffic ?? (names.length === 1 ? { [names[0]]: 100 } : {});
    for (const p of trafficProblems({ traffic, mirrorTraffic: e.mirrorTraffic }, { deployments: names })) {
        ctx.err([...base, ...p.path], p.reason);
    }
}

/**
 * The checked endpoint entries, each with its own parsed value and its deployments' facts. Call only when validation
 * found no errors (then every entry parsed and every deployment's model was found).
 */
export function resolveOnlineEndpoints(endpoints: readonly CheckedEndpointEntry[]): ResolvedOnlineEndpoint[] {
    return endpoints.map((e) => {
        const deployments = e.deployments.map((d) => ({ ...mustHave(d, d.parsed), ...mustHave(d, d.facts) }));
        const endpoint = mustHave(e, e.parsed);
        return { ...endpoint, deployments, traffic: endpoint.traffic ?? { [deployments[0].name]: 100 } };
    });
}
