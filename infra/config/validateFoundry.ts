/**
 * Validation of the `foundry` section, and the checks the Foundry components run on their own arguments (the same
 * functions, so a stack and a library user get the same messages). Azure's rules: the model is offered on Foundry,
 * with that SKU, in the account's region (a Data zone SKU only in a region of one of its zones); at most 32
 * deployments per account, their names unique; capacity within the default quota per region, model and SKU (above
 * it a warning naming the quota to request); retired models refused with their replacement; a deployment's content
 * filter is one the stack defines or a Microsoft policy; severity thresholds only on the harm categories.
 */
import {
    CONTENT_FILTER_SEVERITY_CATEGORIES,
    DEFAULT_RAI_POLICY,
    FOUNDRY_CAPACITY_UNIT_TPM,
    CONTENT_FILTER_SWITCH_CATEGORIES,
    FOUNDRY_LIMITS,
    FOUNDRY_SKU_NAMES,
    FOUNDRY_SPILLOVER,
    closestModelNames,
    defaultFoundryQuota,
    findModel,
    foundrySku,
    MODELS,
    normalizeRegion,
    provisionedSizeProblem,
    type FoundryOffer,
    type FoundrySkuOffer,
    type ModelEntry,
} from "../catalog";
import { closest } from "../catalog/suggest";
import { mustHave, type Entry } from "./entries";
import { configPath, show } from "./issues";
import { checkLifecycle } from "./lifecycle";
import { arr, isObject, num, str, type Loose } from "./loose";
import { foundryPublicSide, validateNetwork } from "./networkSchema";
import type { ContentFilterConfig, FoundryConfig, FoundryDeploymentConfig } from "./foundrySchema";

/** Microsoft's own content-filter policies, which a deployment may name without defining them. */
export const MICROSOFT_RAI_POLICIES = [DEFAULT_RAI_POLICY.name, "Microsoft.Default"] as const;

/** One problem with one argument or config key (relative to the thing checked). */
export interface FoundryProblem {
    /** Key of the checked object (`model`, `sku`), or a path below it. */
    property: PropertyKey[];
    reason: string;
    /** A warning: deploying may still work (e.g. over the default quota until the request is granted). */
    warning?: boolean;
}

/** What a deployment's plain arguments are checked against. */
export interface FoundryDeploymentCheck {
    /** A catalog name or alias; with `format`, the model's name as the deployment API spells it. */
    model?: string;
    /**
     * The model's format (its publisher as the deployment API names it: `OpenAI`, `Mistral AI`): given, `model` and
     * `version` name any model the account offers, in the catalog or not.
     */
    format?: string;
    /** The SKU; a name that is not a Foundry SKU is left to the field rules, which report it. */
    sku?: string;
    version?: string;
    capacity?: number;
    acceptRetired?: boolean;
    /** Region of the account, any form (`Sweden Central`, `swedencentral`). */
    location?: string;
    today: Date;
}

/**
 * What a deployment deploys, resolved once (one catalog lookup): the deployment's `properties.model`, and the
 * catalog record with its Foundry offer, absent for a model outside the catalog. Only the checks below make one;
 * a component given one for the same arguments deploys it without looking the model up again.
 */
export interface CheckedFoundryModel {
    /** `properties.model`, as Azure spells it. */
    readonly format: string;
    readonly name: string;
    readonly version: string;
    /** The catalog record; absent: a model outside the catalog (region, SKU, quota and lifecycle unchecked). */
    readonly record?: ModelEntry;
    readonly offer?: FoundryOffer;
    readonly skuOffer?: FoundrySkuOffer;
}

/** The catalog facts of a valid deployment. */
export interface FoundryDeploymentFacts {
    model: CheckedFoundryModel;
}

/** The checked models, each with the arguments it was checked with (see {@link checkedModelFor}). */
const CHECKED = new WeakMap<CheckedFoundryModel, string>();
/** Component arguments the stack handed a checked model with (see {@link withCheckedModel}). */
const HANDED = new WeakMap<object, CheckedFoundryModel>();

/** The arguments a check depends on, as one comparable key. */
function checkKey(d: FoundryDeploymentCheck, version: string): string {
    const location = d.location === undefined ? "" : normalizeRegion(d.location);
    const values = [d.model, d.format ?? "", d.sku ?? "", d.capacity ?? null, location, d.acceptRetired === true];
    return JSON.stringify([...values, version]);
}

/**
 * Hands a model that validation checked to the component arguments built from the same config entry (the stack
 * does this), so that the component deploys it without a second lookup or a second warning.
 */
export function withCheckedModel<T extends object>(args: T, model: CheckedFoundryModel): T {
    if (!CHECKED.has(model)) throw new Error(`${model.format}/${model.name} was not checked by checkFoundryDeployment`);
    HANDED.set(args, model);
    return args;
}

/**
 * The checked model handed with these arguments, when it was checked for the same values (model, format, SKU,
 * capacity, region, version, acceptRetired): its problems have been reported, so the component deploys it as it is.
 * Otherwise undefined, and the component checks its arguments itself.
 */
export function checkedModelFor(args: object, d: FoundryDeploymentCheck): CheckedFoundryModel | undefined {
    const m = HANDED.get(args);
    if (!m) return undefined;
    return CHECKED.get(m) === checkKey(d, d.version ?? m.version) ? m : undefined;
}

/** The warning a deployment of a model outside the catalog gets, once. */
export function notInCatalogWarning(m: { format: string; name: string; version: string }): string {
    return `${m.format}/${m.name} version ${m.version} is not in the catalog: region, SKU, quota and lifecycle unchecked (Azure checks them when the deployment is created)`;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** The catalog record a deployment names, or the problem; undefined record with no problem: outside the catalog. */
function resolveModel(d: FoundryDeploymentCheck, problems: FoundryProblem[]): { record?: ModelEntry; ok: boolean } {
    const name = d.model!;
    const record = findModel(name);
    if (d.format !== undefined) {
        // Named as Azure names it: a catalog model only by its exact name (any case) and format.
        const exact = record?.foundry && record.foundry.name.toLowerCase() === name.toLowerCase() ? record : undefined;
        if (exact && exact.foundry!.format.toLowerCase() !== d.format.toLowerCase()) {
            problems.push({
                property: ["format"],
                reason: `${show(d.format)}: ${exact.name} is in the catalog with format "${exact.foundry!.format}" (${exact.foundry!.source.document}, ${exact.foundry!.source.date})`,
            });
            return { ok: false };
        }
        if (!exact && d.version === undefined) {
            problems.push({
                property: ["version"],
                reason: `is required for a model outside the catalog (${d.format}/${name}): give the version the account offers, e.g. "1"`,
            });
            return { ok: false };
        }
        return { record: exact, ok: true };
    }
    if (record?.foundry) return { record, ok: true };
    const near = closestModelNames(
        name,
        MODELS.filter((m) => m.foundry),
    );
    const why = record
        ? `${show(name)} is in the catalog as ${record.name}, but is not offered on a Foundry resource there (it deploys on the hub: deployments or onlineEndpoints)`
        : `${show(name)} is not offered on a Foundry resource in the catalog${near.length ? `; closest: ${near.join(", ")}` : ""}`;
    problems.push({
        property: ["model"],
        reason: `${why}. A model outside the catalog is deployed by format, model and version (format: OpenAI, the name and version the account lists)`,
    });
    return { ok: false };
}

/**
 * Checks one deployment's model, SKU, region and lifecycle against the catalog, looking the model up once. A model
 * outside the catalog (`format` given, not a catalog offer) gets one warning: none of these can be judged.
 */
export function checkFoundryDeployment(d: FoundryDeploymentCheck): {
    problems: FoundryProblem[];
    facts?: FoundryDeploymentFacts;
} {
    const problems: FoundryProblem[] = [];
    if (d.model === undefined) return { problems };
    const { record, ok } = resolveModel(d, problems);
    if (!ok) return { problems };
    if (!record) {
        const model = { format: d.format!, name: d.model, version: d.version! };
        problems.push({ property: ["model"], reason: notInCatalogWarning(model), warning: true });
        return { problems, facts: { model: issue(model, d) } };
    }
    const offer = record.foundry!;
    checkLifecycle({
        model: offer,
        lifecycle: offer.lifecycle,
        today: d.today,
        acceptRetired: d.acceptRetired === true,
        offer: "foundry",
        known: [],
        path: ["model"],
        err: (property, reason) => problems.push({ property, reason }),
        warn: (property, reason) => problems.push({ property, reason, warning: true }),
    });
    const base = { format: offer.format, name: offer.name, version: d.version ?? offer.version, record, offer };
    // An unknown SKU name is the field rules' to report (the config schema, the component's argument rules).
    if (d.sku === undefined || !(FOUNDRY_SKU_NAMES as readonly string[]).includes(d.sku))
        return { problems, facts: { model: issue(base, d) } };
    const skuOffer = foundrySku(offer, d.sku);
    if (!skuOffer) {
        problems.push({
            property: ["sku"],
            reason: `${show(d.sku)}: ${offer.name} is not offered with this SKU on Foundry; SKUs: ${offer.skus.map((s) => s.sku).join(", ")} (${offer.source.document}, ${offer.source.date})`,
        });
        return { problems };
    }
    const region = d.location === undefined ? undefined : normalizeRegion(d.location);
    if (region !== undefined && !skuOffer.regions.includes(region)) {
        const zones = Object.entries(skuOffer.dataZones ?? {})
            .map(([zone, regions]) => `${zone} (${regions.join(", ")})`)
            .join("; ");
        problems.push({
            property: ["sku"],
            reason: skuOffer.dataZones
                ? `${d.sku} of ${offer.name} is offered only in the data zones ${zones}; ${show(region)} is in none of them: use GlobalStandard or an account in one of these regions`
                : `${d.sku} of ${offer.name} is not offered in ${show(region)}; regions: ${skuOffer.regions.join(", ")} (${skuOffer.source.document}, ${skuOffer.source.date})`,
        });
    }
    if (d.capacity !== undefined) {
        const size = provisionedSizeProblem(offer, d.sku, d.capacity);
        if (size) problems.push({ property: ["capacity"], reason: size });
        const quota = quotaProblem(offer, d.sku, region, d.capacity, "this deployment asks");
        if (quota) problems.push({ property: ["capacity"], reason: quota, warning: true });
    }
    return { problems, facts: { model: issue({ ...base, skuOffer }, d) } };
}

/** Records a checked model with the arguments it was checked with. */
function issue(model: CheckedFoundryModel, d: FoundryDeploymentCheck): CheckedFoundryModel {
    const frozen = Object.freeze({ ...model });
    CHECKED.set(frozen, checkKey(d, frozen.version));
    return frozen;
}

/** The warning for capacity above a model's default quota in a region, or undefined when it fits. */
export function quotaProblem(
    offer: FoundryOffer,
    sku: string,
    region: string | undefined,
    capacity: number,
    /** Subject and verb: `this deployment asks`. */
    who: string,
): string | undefined {
    const quota = defaultFoundryQuota(offer, sku);
    if (quota === undefined || capacity <= quota) return undefined;
    const unit = FOUNDRY_CAPACITY_UNIT_TPM.tokensPerMinute;
    return `${who} ${fmt(capacity)} capacity units (${fmt(capacity * unit)} tokens per minute) of ${offer.name} ${sku}${region ? ` in ${region}` : ""}; the default quota is ${fmt(quota)} units (${fmt(offer.rateLimits.tokensPerMinute)} TPM, ${offer.rateLimits.source.document}): request a quota increase for ${offer.name} ${sku}${region ? ` in ${region}` : ""} before deploying`;
}

const spilloverSource = () => `${FOUNDRY_SPILLOVER.source.document}, ${FOUNDRY_SPILLOVER.source.date}`;

/**
 * The problems of a deployment that sets `spilloverTo`, on its own: its SKU is provisioned, and its model one Microsoft
 * documents spillover for (format OpenAI; a catalog model of another format is refused with the source). `model`
 * absent: the model is unresolved (its own problem is reported), only the SKU is judged.
 */
export function checkSpilloverSource(
    model: CheckedFoundryModel | undefined,
    sku: string | undefined,
): FoundryProblem[] {
    const problems: FoundryProblem[] = [];
    const provisioned = Object.keys(FOUNDRY_SPILLOVER.standardFor);
    if (sku !== undefined && (FOUNDRY_SKU_NAMES as readonly string[]).includes(sku) && !provisioned.includes(sku))
        problems.push({
            property: ["spilloverTo"],
            reason: `spillover is set on a provisioned deployment; this one's sku is ${sku} (allowed: ${provisioned.join(", ")}): remove spilloverTo or use a provisioned SKU`,
        });
    if (model && !FOUNDRY_SPILLOVER.formats.some((f) => f.toLowerCase() === model.format.toLowerCase())) {
        const what = model.record
            ? `${model.name} is a catalog model of format "${model.format}"`
            : `${model.format}/${model.name} has format "${model.format}"`;
        problems.push({
            property: ["spilloverTo"],
            reason: `Microsoft documents spillover only for Azure OpenAI provisioned deployments (format ${FOUNDRY_SPILLOVER.formats.join(", ")}); ${what} (${spilloverSource()}): remove spilloverTo`,
        });
    }
    return problems;
}

/** A deployment of the account as the spillover check sees it. */
export interface SpilloverPeer {
    name?: string;
    sku?: string;
    spilloverTo?: string;
    model?: CheckedFoundryModel;
}

/**
 * Checks every `spilloverTo` of an account against the other deployments: the target exists, comes before the
 * deployment in the account's write chain, has the standard SKU of the same data-processing level and deploys the
 * same model and version. Problems are keyed by deployment index.
 */
export function checkSpilloverTargets(deployments: readonly SpilloverPeer[]): FoundryProblem[] {
    const problems: FoundryProblem[] = [];
    deployments.forEach((d, i) => {
        if (d.spilloverTo === undefined) return;
        const at = [i, "spilloverTo"];
        const target = d.spilloverTo;
        const j = deployments.findIndex((t) => t.name !== undefined && t.name.toLowerCase() === target.toLowerCase());
        if (j < 0) {
            const names = deployments.map((t) => t.name).filter((n): n is string => n !== undefined && n !== d.name);
            problems.push({
                property: at,
                reason: `${show(target)} is not a deployment of this account; deployments: ${names.join(", ") || "none"}`,
            });
            return;
        }
        if (j === i) {
            problems.push({
                property: at,
                reason: `${show(target)} is this deployment itself; name a standard deployment`,
            });
            return;
        }
        if (j > i)
            problems.push({
                property: at,
                reason: `${show(target)} is deployments[${j}], after this one: list the spillover target before the provisioned deployment (the account's writes run in that order)`,
            });
        const t = deployments[j]!;
        const standard = d.sku === undefined ? undefined : FOUNDRY_SPILLOVER.standardFor[d.sku];
        if (standard !== undefined && t.sku !== undefined && t.sku !== standard)
            problems.push({
                property: at,
                reason: `${show(target)} has sku ${t.sku}; spillover from ${d.sku} goes to a ${standard} deployment (the data-processing level must match, ${spilloverSource()})`,
            });
        const m = d.model;
        const tm = t.model;
        const same = (a: CheckedFoundryModel, b: CheckedFoundryModel) =>
            a.format.toLowerCase() === b.format.toLowerCase() &&
            a.name.toLowerCase() === b.name.toLowerCase() &&
            a.version === b.version;
        if (m && tm && !same(m, tm))
            problems.push({
                property: at,
                reason: `${show(target)} deploys ${tm.format}/${tm.name} version ${tm.version}; spillover needs the same model and version: ${m.format}/${m.name} version ${m.version}`,
            });
    });
    return problems;
}

/** Checks the deployments of one account together: how many, and that their names are unique. */
export function checkAccountDeployments(names: readonly (string | undefined)[]): FoundryProblem[] {
    const problems: FoundryProblem[] = [];
    const max = FOUNDRY_LIMITS.deploymentsPerAccount;
    if (names.length > max) {
        problems.push({
            property: [],
            reason: `has ${names.length} deployments; a Foundry resource holds at most ${max} (${FOUNDRY_LIMITS.source.document}): split them across accounts`,
        });
    }
    const seen = new Map<string, number>();
    names.forEach((name, i) => {
        if (name === undefined) return;
        const prior = seen.get(name.toLowerCase());
        if (prior !== undefined) {
            problems.push({
                property: [i, "name"],
                reason: `deployment name ${show(name)} is already used by deployments[${prior}]; names are unique per account (clients send them as model)`,
            });
        } else seen.set(name.toLowerCase(), i);
    });
    return problems;
}

/** Checks the rules of a content filter: severity thresholds on the harm categories, none on the switches. */
export function checkContentFilterRules(filters: readonly unknown[], reportUnknownCategories = true): FoundryProblem[] {
    const problems: FoundryProblem[] = [];
    const seen = new Set<string>();
    filters.forEach((f, j) => {
        if (!isObject(f)) return;
        const category = str(f.category);
        const source = str(f.source);
        if (category === undefined) return;
        if (
            !(CONTENT_FILTER_SWITCH_CATEGORIES as readonly string[]).includes(category) &&
            !(CONTENT_FILTER_SEVERITY_CATEGORIES as readonly string[]).includes(category)
        ) {
            if (reportUnknownCategories)
                problems.push({
                    property: [j, "category"],
                    reason: `${show(category)} is not a content filter category; allowed: ${[...CONTENT_FILTER_SEVERITY_CATEGORIES, ...CONTENT_FILTER_SWITCH_CATEGORIES].join(", ")}`,
                });
            return;
        }
        const severity = (CONTENT_FILTER_SEVERITY_CATEGORIES as readonly string[]).includes(category);
        if (severity && f.severityThreshold === undefined) {
            problems.push({
                property: [j, "severityThreshold"],
                reason: `is required for ${category}: Low, Medium or High (the lowest severity that is filtered)`,
            });
        } else if (!severity && f.severityThreshold !== undefined) {
            problems.push({
                property: [j, "severityThreshold"],
                reason: `${show(f.severityThreshold)}: ${category} is on or off and takes no severity; remove severityThreshold`,
            });
        }
        const key = `${category}|${source ?? ""}`;
        if (seen.has(key))
            problems.push({ property: [j, "category"], reason: `${category} on ${source} is set twice` });
        seen.add(key);
    });
    return problems;
}

/** The name an item of a blocklist gets: its own, or `item-<n>` by its position from 1. */
export function blocklistItemName(item: { name?: unknown }, index: number): string {
    return str(item.name) ?? `item-${index + 1}`;
}

/** Checks the items of one blocklist together: their names (given or defaulted) are unique. */
export function checkBlocklistItems(items: readonly unknown[]): FoundryProblem[] {
    const problems: FoundryProblem[] = [];
    const seen = new Map<string, number>();
    items.forEach((item, j) => {
        if (!isObject(item)) return;
        const name = blocklistItemName(item, j);
        const prior = seen.get(name.toLowerCase());
        if (prior !== undefined)
            problems.push({
                property: [j, "name"],
                reason: `item name ${show(name)} is already used by items[${prior}]${item.name === undefined ? " (an item without a name is item-<its position from 1>)" : ""}; names are unique per blocklist`,
            });
        else seen.set(name.toLowerCase(), j);
    });
    return problems;
}

/** Each blocklist a content filter applies is one of the section's `blocklists`. */
function checkFilterBlocklists(raw: Loose, lists: readonly string[], ctx: FoundryContext): void {
    arr(raw.contentFilters).forEach((f, i) => {
        if (!isObject(f)) return;
        arr(f.blocklists).forEach((b, j) => {
            const name = isObject(b) ? str(b.name) : undefined;
            if (name === undefined || lists.some((l) => l.toLowerCase() === name.toLowerCase())) return;
            const near = closest(name, lists, 1);
            ctx.err(
                ["foundry", "contentFilters", i, "blocklists", j, "name"],
                `${show(name)} is not a blocklist of ${configPath(["foundry", "blocklists"])}; known: ${lists.join(", ") || "none"}${near.length ? `; did you mean "${near[0]}"?` : ""}`,
            );
        });
    });
}

/** A Foundry deployment entry with what validation learnt of it (absent when its model was refused). */
export interface FoundryDeploymentEntry extends Entry<FoundryDeploymentConfig> {
    facts?: FoundryDeploymentFacts;
}

export interface FoundryContext {
    err: (path: PropertyKey[], message: string) => void;
    warn: (path: PropertyKey[], message: string) => void;
    today: Date;
    /**
     * The account's region in ARM form, once the caller has found `location` to be an Azure region (it reports one
     * that is not, once); undefined: the offers are judged against no region.
     */
    region: string | undefined;
}

/**
 * Validates the raw `foundry` section (every problem at once), its deployments as the entries parsed from it; returns
 * each deployment entry with the facts found for it.
 */
export function validateFoundry(
    raw: unknown,
    entries: readonly FoundryDeploymentEntry[],
    ctx: FoundryContext,
): FoundryDeploymentEntry[] {
    if (!isObject(raw)) return [...entries];
    const base: PropertyKey[] = ["foundry"];
    const report = (at: PropertyKey[], problems: readonly FoundryProblem[]) => {
        for (const p of problems) (p.warning ? ctx.warn : ctx.err)([...at, ...p.property], p.reason);
    };
    const region = ctx.region;
    checkNames(raw, "projects", "project", ctx);
    if (arr(raw.projects).length > FOUNDRY_LIMITS.projectsPerAccount) {
        ctx.err(
            [...base, "projects"],
            `has ${arr(raw.projects).length} projects; a Foundry resource holds at most ${FOUNDRY_LIMITS.projectsPerAccount}`,
        );
    }
    const filters = checkNames(raw, "contentFilters", "content filter", ctx);
    const lists = checkNames(raw, "blocklists", "blocklist", ctx);
    arr(raw.blocklists).forEach((b, i) => {
        if (isObject(b)) report([...base, "blocklists", i, "items"], checkBlocklistItems(arr(b.items)));
    });
    checkFilterBlocklists(raw, lists, ctx);
    validateNetwork("foundry", raw, ["foundryAccount"], foundryPublicSide(raw), ctx.err);
    arr(raw.contentFilters).forEach((f, i) => {
        if (!isObject(f)) return;
        const name = str(f.name);
        if (name && /^microsoft\./i.test(name))
            ctx.err(
                [...base, "contentFilters", i, "name"],
                `${show(name)}: names starting with "Microsoft." are Azure's own policies; pick another name`,
            );
        // Unknown categories are the schema's to report.
        const rules = checkContentFilterRules(arr(f.filters), false);
        report([...base, "contentFilters", i, "filters"], rules);
    });

    report(
        [...base, "deployments"],
        checkAccountDeployments(entries.map((e) => (isObject(e.raw) ? str(e.raw.name) : undefined))),
    );
    const demand = new Map<string, { offer: FoundryOffer; sku: string; capacity: number; names: string[] }>();
    const checkedEntries = entries.map((entry): FoundryDeploymentEntry => {
        const { raw: d, index: i } = entry;
        if (!isObject(d)) return entry;
        const at = [...entry.path];
        const checked = checkFoundryDeployment({
            model: str(d.model),
            format: str(d.format),
            sku: str(d.sku),
            version: str(d.version),
            capacity: num(d.capacity),
            acceptRetired: d.acceptRetired === true,
            location: region,
            today: ctx.today,
        });
        report(at, checked.problems);
        checkFilterName(d, at, filters, ctx);
        if (str(d.spilloverTo) !== undefined) report(at, checkSpilloverSource(checked.facts?.model, str(d.sku)));
        const capacity = num(d.capacity);
        const offer = checked.facts?.model.offer;
        if (offer && capacity !== undefined) {
            const key = `${offer.name}|${str(d.sku)}`;
            const row = demand.get(key) ?? { offer, sku: str(d.sku)!, capacity: 0, names: [] };
            row.capacity += capacity;
            row.names.push(str(d.name) ?? `deployments[${i}]`);
            demand.set(key, row);
        }
        return checked.facts ? { ...entry, facts: checked.facts } : entry;
    });
    report([...base, "deployments"], checkSpilloverTargets(checkedEntries.map(spilloverPeer)));
    for (const row of demand.values()) {
        const who = `deployments ${row.names.join(", ")} together ask`;
        const message = row.names.length > 1 ? quotaProblem(row.offer, row.sku, region, row.capacity, who) : undefined;
        if (message) ctx.warn([...base, "deployments"], message);
    }
    return checkedEntries;
}

/** A deployment as the spillover check sees it, with the model validation resolved for it. */
function spilloverPeer({ raw: d, facts }: FoundryDeploymentEntry): SpilloverPeer {
    return isObject(d)
        ? { name: str(d.name), sku: str(d.sku), spilloverTo: str(d.spilloverTo), model: facts?.model }
        : {};
}

/** Names of a list (projects, content filters) must be unique; returns the names given. */
function checkNames(raw: Loose, key: string, what: string, ctx: FoundryContext): string[] {
    const names: string[] = [];
    arr(raw[key]).forEach((item, i) => {
        const name = isObject(item) ? str(item.name) : undefined;
        if (name === undefined) return;
        if (names.some((n) => n.toLowerCase() === name.toLowerCase()))
            ctx.err(["foundry", key, i, "name"], `${what} ${show(name)} is defined twice; names must be unique`);
        names.push(name);
    });
    return names;
}

/** A deployment's `contentFilter` names a filter of the section or a Microsoft policy. */
function checkFilterName(d: Loose, at: PropertyKey[], filters: readonly string[], ctx: FoundryContext): void {
    const name = str(d.contentFilter);
    if (name === undefined) return;
    const known = [...filters, ...MICROSOFT_RAI_POLICIES];
    if (known.some((k) => k.toLowerCase() === name.toLowerCase())) return;
    const near = closest(name, known, 1);
    ctx.err(
        [...at, "contentFilter"],
        `${show(name)} is not a content filter of ${configPath(["foundry", "contentFilters"])} nor a Microsoft policy; known: ${known.join(", ")}${near.length ? `; did you mean "${near[0]}"?` : ""}`,
    );
}

/** A deployment with its catalog facts, ready for the components. */
export interface ResolvedFoundryDeployment extends FoundryDeploymentConfig {
    /** What it deploys, checked: the stack hands this to `FoundryModelDeployment` as its `model`. */
    checked: CheckedFoundryModel;
    /** The catalog's Foundry offer; absent for a model outside the catalog. */
    offer?: FoundryOffer;
    /** The version to deploy. */
    version: string;
    /** The content filter (RaiPolicy) name: a custom filter's, or Microsoft's default. */
    raiPolicyName: string;
}

export interface ValidFoundryConfig extends Omit<FoundryConfig, "deployments"> {
    /** The account region in ARM form. */
    location: string;
    deployments: ResolvedFoundryDeployment[];
}

/**
 * The parsed section (its deployments aside) with its deployment entries, each with its own parsed value and model.
 * Called only when there was no error (then every entry parsed and its model was found).
 */
export function resolveFoundry(
    config: Omit<FoundryConfig, "deployments">,
    entries: readonly FoundryDeploymentEntry[],
): ValidFoundryConfig {
    const filterName = (name: string | undefined, filters: readonly ContentFilterConfig[]) =>
        name === undefined
            ? DEFAULT_RAI_POLICY.name
            : (filters.find((f) => f.name.toLowerCase() === name.toLowerCase())?.name ??
              MICROSOFT_RAI_POLICIES.find((p) => p.toLowerCase() === name.toLowerCase())!);
    return {
        ...config,
        location: normalizeRegion(config.location),
        deployments: entries.map((e) => {
            const d = mustHave(e, e.parsed);
            const { model } = mustHave(e, e.facts);
            return {
                ...d,
                checked: model,
                offer: model.offer,
                version: model.version,
                raiPolicyName: filterName(d.contentFilter, config.contentFilters),
            };
        }),
    };
}
