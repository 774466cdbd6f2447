/**
 * Compares two offline plans of a stack (a pull request's base and the pull request) and predicts what `pulumi up`
 * would do to get from one to the other: which resources it creates, updates, replaces and deletes, and which
 * inputs change. Resources are matched by URN, as the engine matches them. Replacements are predicted from the
 * properties Azure cannot change in place (`replacements.ts`) and from the `replaceOnChanges` option the plan
 * recorded; `ignoreChanges` paths are left out, as the engine leaves them.
 *
 * A replaced resource gets new outputs (its id, keys, URIs), which the offline plan does not know (`[unknown]`) on
 * either side. A dependent whose input is `[unknown]` because it comes from a replaced resource is marked "may
 * change" (or "may be replaced" when that input forces replacement), and a resource whose Azure parent (resource
 * group, workspace, endpoint) is replaced "may be replaced", since Azure deletes children with their parent. These
 * are predictions from the code alone; a real `pulumi preview` against the stack's state is the authority.
 */
import {
    destructiveConsequence,
    destructiveWhat,
    nameInputOf,
    normalizeRegion,
    parentInputsOf,
    parentWhat,
    resourceTypeOf,
} from "../../infra/catalog";
import { maskedInputs } from "../report/render";
import { azureNameOf, inputAt } from "../run/azureTypes";
import { pathTouches, ruleFor } from "./replacements";
import {
    SECRET,
    UNKNOWN,
    type Plan,
    type PlannedResource,
    isMandatory,
    type PlanViolation,
    type PlanWarning,
    type QuotaRow,
} from "../run/types";
import { countOf, problemPhrases, type PlanErrorKind } from "../run/problems";

/** What the diff needs of a plan: a {@link Plan}, or one read back from `npm run plan -- --json`. */
export interface DiffablePlan {
    project: string;
    stack: string;
    today: string;
    resources: PlannedResource[];
    outputs: { name: string; value: unknown; secret: boolean }[];
    warnings: PlanWarning[];
    errors: string[];
    errorKind?: PlanErrorKind;
    quota?: QuotaRow[];
    policies?: Plan["policies"];
}

export type ChangeAction = "create" | "update" | "replace" | "delete";

export interface PropertyChange {
    /** Dotted input path. */
    path: string;
    /** Value in the base (`undefined`: absent); secrets masked. */
    before?: unknown;
    /** Value in this change (`undefined`: absent); secrets masked. */
    after?: unknown;
    /** Why this change forces a replacement, when it does. */
    replaces?: string;
    /** Where the replacement fact comes from. */
    source?: string;
    /** The value is only known once Azure applies the change (it is `[unknown]` on one side). */
    uncertain?: boolean;
    /** Set when the input is `[unknown]` because it comes from this resource (URN), which is replaced. */
    via?: string;
}

export interface ResourceChange {
    urn: string;
    type: string;
    /** Logical (Pulumi) name. */
    name: string;
    /** Name in Azure (its name input), when the type has one and it is known. */
    azureName?: string;
    action: ChangeAction;
    /** True for "may change" / "may be replaced": predicted from values only Azure knows. */
    uncertain: boolean;
    /** Input changes (update and replace). */
    changes: PropertyChange[];
    /** For a replacement: the old resource is deleted before the new one is created (else created first). */
    deleteBeforeReplace?: boolean;
    /**
     * For a create-first replacement that keeps its Azure name: Azure treats the "create" as an update of the
     * existing resource, which the delete then removes (pulumi/pulumi-azure#182). It needs deleteBeforeReplace.
     */
    createFirstSameName?: boolean;
    /** Why the resource may be replaced though its inputs did not change: its Azure parent is replaced. */
    parentReplaced?: { urn: string; name: string; property: string; what: string };
    /** A deleted endpoint's successor (created, same type, same parent): a rename. */
    renamedTo?: string;
    /** A created endpoint's predecessor. */
    renamedFrom?: string;
}

export interface DestructiveChange {
    urn: string;
    type: string;
    name: string;
    azureName?: string;
    action: "delete" | "replace";
    uncertain: boolean;
    /** `hub`, `project`, `serverless endpoint`, ... */
    what: string;
    /** One sentence on what breaks: `<what> <azure name> (<logical name>) <detail>`. */
    message: string;
    /** The sentence without its subject (`is deleted: ...`). */
    detail: string;
    /** Endpoint URL before and after (after absent on a delete without successor). */
    url?: { before?: string; after?: string };
}

export interface OutputChange {
    path: string;
    before?: unknown;
    after?: unknown;
}

export interface PlanSide {
    /** `origin/main`, `HEAD`, a file name, `working tree`. */
    label: string;
    today: string;
    resources: number;
    errors: string[];
    errorKind?: PlanErrorKind;
}

export interface PlanDiff {
    project: string;
    stack: string;
    base: PlanSide;
    head: PlanSide;
    /** Changed cloud resources, in review order: replacements, deletions, updates, creations. */
    resources: ResourceChange[];
    counts: { create: number; update: number; replace: number; delete: number; mayChange: number; unchanged: number };
    destructive: DestructiveChange[];
    outputs: OutputChange[];
    policies?: {
        passed: boolean;
        mandatory: number;
        advisory: number;
        /** Violations this change introduces (not in the base). */
        added: PlanViolation[];
        /** Violations of the base this change resolves. */
        resolved: PlanViolation[];
    };
    /** Warnings this change introduces. */
    addedWarnings: PlanWarning[];
    notes: string[];
}

/** Inputs the diff does not compare: a dynamic resource's serialized provider code (`__provider`). */
const NOT_COMPARED = new Set(["__provider"]);

function isObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

function equal(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
    if (isObject(a) && isObject(b)) {
        const ka = Object.keys(a).filter((k) => a[k] !== undefined);
        const kb = Object.keys(b).filter((k) => b[k] !== undefined);
        return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
    }
    return false;
}

/** True when the value is, or holds, {@link UNKNOWN}. */
function containsUnknown(v: unknown): boolean {
    if (v === UNKNOWN) return true;
    if (Array.isArray(v)) return v.some(containsUnknown);
    if (isObject(v)) return Object.values(v).some(containsUnknown);
    return false;
}

/**
 * The differences between two values as dotted paths: objects on both sides are compared key by key; anything
 * else (arrays, scalars, an object against nothing) is one change.
 */
export function valueChanges(before: unknown, after: unknown, path = ""): OutputChange[] {
    if (equal(before, after)) return [];
    if (isObject(before) && isObject(after)) {
        const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !(k in after))];
        return keys.flatMap((k) => valueChanges(before[k], after[k], path ? `${path}.${k}` : k));
    }
    return [{ path, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) }];
}

/** The region in an endpoint's host name: `Sweden Central`, `sweden_central` and `swedencentral` are one region. */
const region = (v: unknown): string => (typeof v === "string" && v !== UNKNOWN ? normalizeRegion(v) : UNKNOWN);

/** The URL clients call for an endpoint resource, from its name and region inputs (the registry's client URL). */
function endpointUrl(r: PlannedResource): string | undefined {
    const url = resourceTypeOf(r.type)?.clientUrl?.url;
    if (!url) return undefined;
    const n = r.inputs[nameInputOf(r.type) ?? "name"];
    return url(typeof n === "string" ? n : UNKNOWN, region(r.inputs.location));
}

/** True when the type yields a client URL (serverless and online endpoints). */
const hasClientUrl = (type: string): boolean => resourceTypeOf(type)?.clientUrl !== undefined;

const ACTION_ORDER: Record<ChangeAction, number> = { replace: 0, delete: 1, update: 2, create: 3 };

/** A violation's identity across plans: the policy and the resource (the message for stack-wide ones). */
function violationKey(v: PlanViolation): string {
    return `${v.policyName}|${v.urn ?? v.message}`;
}

export interface DiffOptions {
    /** @default "base" */
    baseLabel?: string;
    /** @default "this change" */
    headLabel?: string;
}

/** Compares the base plan with this change's plan. */
export function diffPlans(base: DiffablePlan, head: DiffablePlan, options: DiffOptions = {}): PlanDiff {
    const notes: string[] = [];
    const side = (p: DiffablePlan, label: string): PlanSide => ({
        label,
        today: p.today,
        resources: p.resources.length,
        errors: p.errors,
        ...(p.errorKind ? { errorKind: p.errorKind } : {}),
    });
    const diff: PlanDiff = {
        project: head.project,
        stack: head.stack,
        base: side(base, options.baseLabel ?? "base"),
        head: side(head, options.headLabel ?? "this change"),
        resources: [],
        counts: { create: 0, update: 0, replace: 0, delete: 0, mayChange: 0, unchanged: 0 },
        destructive: [],
        outputs: [],
        addedWarnings: [],
        notes,
    };
    if (head.errors.length > 0) {
        // Without resources, this change's plan would read as "delete everything": say why instead.
        notes.push(`This change's ${problemPhrases(head).clause} (${countOf(head)}): no resources to compare.`);
        return diff;
    }
    if (base.errors.length > 0) {
        notes.push(
            `The base's ${problemPhrases(base).clause} (${countOf(base)}): it has no resources, so everything shows as created.`,
        );
    }
    if (base.today !== head.today)
        notes.push(`The plans checked model lifecycles on different days (${base.today} and ${head.today}).`);

    // Cloud resources: the stack and components are not custom.
    const cloud = (p: DiffablePlan) => p.resources.filter((r) => r.custom);
    const before = new Map(cloud(base).map((r) => [r.urn, r]));
    const after = new Map(cloud(head).map((r) => [r.urn, r]));
    const byUrn = new Map<string, PlannedResource>([...before, ...after]);
    const changes = new Map<string, ResourceChange>();

    for (const [urn, r] of after) if (!before.has(urn)) changes.set(urn, resourceChange(r, "create"));
    for (const [urn, r] of before) if (!after.has(urn)) changes.set(urn, resourceChange(r, "delete"));

    let secretResources = 0;
    for (const [urn, now] of after) {
        const was = before.get(urn);
        if (!was) continue;
        if (now.secretInputs.length > 0 || was.secretInputs.length > 0) secretResources++;
        const propertyChanges = inputChanges(was, now);
        if (propertyChanges.length === 0) continue;
        const change = resourceChange(now, "update");
        change.changes = propertyChanges;
        settle(change, now);
        changes.set(urn, change);
    }

    propagateReplacements(after, before, changes, byUrn);
    pairRenames(changes, before, after);
    for (const c of changes.values()) {
        if (c.action !== "replace" || c.deleteBeforeReplace) continue;
        const oldName = azureNameOf(before.get(c.urn)!);
        if (oldName !== undefined && oldName === azureNameOf(after.get(c.urn)!)) c.createFirstSameName = true;
    }

    const ordered = [...changes.values()].sort((a, b) => ACTION_ORDER[a.action] - ACTION_ORDER[b.action]);
    diff.resources = ordered;
    for (const c of ordered) {
        if (c.uncertain) diff.counts.mayChange++;
        else diff.counts[c.action]++;
    }
    diff.counts.unchanged = [...after.keys()].filter((u) => !changes.has(u)).length;
    diff.destructive = destructiveChanges(ordered, before, after);
    diff.outputs = outputChanges(base, head);

    if (head.policies) {
        const baseKeys = new Set((base.policies?.violations ?? []).map(violationKey));
        const headKeys = new Set(head.policies.violations.map(violationKey));
        diff.policies = {
            passed: head.policies.passed,
            mandatory: head.policies.violations.filter(isMandatory).length,
            advisory: head.policies.violations.filter((v) => v.enforcementLevel === "advisory").length,
            added: head.policies.violations.filter((v) => !baseKeys.has(violationKey(v))),
            resolved: (base.policies?.violations ?? []).filter((v) => !headKeys.has(violationKey(v))),
        };
    }
    const baseWarnings = new Set(base.warnings.map((w) => `${w.path}|${w.message}`));
    diff.addedWarnings = head.warnings.filter((w) => !baseWarnings.has(`${w.path}|${w.message}`));
    if (secretResources > 0) {
        notes.push(
            `${secretResources} resource${secretResources === 1 ? " has" : "s have"} secret inputs; plans mask them, so a change of a secret value does not show here.`,
        );
    }
    return diff;
}

/** The input changes of a resource present on both sides, each marked with the replacement it forces. */
function inputChanges(was: PlannedResource, now: PlannedResource): PropertyChange[] {
    const ignore = now.options.ignoreChanges ?? [];
    const a = maskedInputs(was);
    const b = maskedInputs(now);
    for (const k of NOT_COMPARED) {
        delete a[k];
        delete b[k];
    }
    const out: PropertyChange[] = [];
    for (const c of valueChanges(a, b)) {
        if (ignore.some((p) => pathTouches(p, c.path))) continue;
        const change: PropertyChange = { ...c };
        if (containsUnknown(c.before) || containsUnknown(c.after) || c.before === SECRET || c.after === SECRET)
            change.uncertain = true;
        out.push({ ...change, ...replacementOf(now, b, c.path) });
    }
    return out;
}

/** The Azure name a report may print: `[secret]` when the program made the name input secret. */
function shownAzureName(r: PlannedResource): string | undefined {
    return azureNameOf({ type: r.type, inputs: maskedInputs(r) });
}

/** A changed resource with no property changes yet. */
function resourceChange(r: PlannedResource, action: ChangeAction, uncertain = false): ResourceChange {
    const azureName = shownAzureName(r);
    return {
        urn: r.urn,
        type: r.type,
        name: r.name,
        ...(azureName ? { azureName } : {}),
        action,
        uncertain,
        changes: [],
    };
}

/** Why a change at `path` replaces the resource: its replaceOnChanges option, else the replacement table. */
function replacementOf(
    r: PlannedResource,
    inputs: Record<string, unknown>,
    path: string,
): Pick<PropertyChange, "replaces" | "source"> {
    const option = (r.options.replaceOnChanges ?? []).find((p) => pathTouches(p, path));
    if (option !== undefined)
        return { replaces: `replaceOnChanges: ${option}`, source: "the resource's replaceOnChanges option" };
    const rule = ruleFor(r.type, inputs, path);
    return rule ? { replaces: rule.reason, source: rule.source } : {};
}

/** Sets a changed resource's action from its property changes and its parent. */
function settle(change: ResourceChange, now: PlannedResource): void {
    const replacing = change.changes.filter((c) => c.replaces !== undefined);
    if (replacing.some((c) => !c.uncertain)) {
        change.action = "replace";
        change.uncertain = false;
    } else if (replacing.length > 0 || change.parentReplaced) {
        change.action = "replace";
        change.uncertain = true;
    } else {
        change.action = "update";
        change.uncertain = change.changes.every((c) => c.uncertain);
    }
    if (change.action === "replace") change.deleteBeforeReplace = now.options.deleteBeforeReplace === true;
}

/**
 * Marks what a replacement drags along: dependents whose inputs are unknown because they come from a replaced
 * resource, and children whose Azure parent is replaced. Repeats until nothing more changes.
 */
function propagateReplacements(
    after: Map<string, PlannedResource>,
    before: Map<string, PlannedResource>,
    changes: Map<string, ResourceChange>,
    byUrn: Map<string, PlannedResource>,
): void {
    const replaced = () =>
        new Set([...changes.values()].filter((c) => c.action === "replace" || c.action === "delete").map((c) => c.urn));
    for (let round = 0; round < 100; round++) {
        const gone = replaced();
        let grew = false;
        for (const [urn, now] of after) {
            const was = before.get(urn);
            if (!was) continue;
            const existing = changes.get(urn);
            if (existing && existing.action === "replace" && !existing.uncertain) continue;
            const inputs = maskedInputs(now);
            const parentProps = parentInputsOf(now.type);
            for (const [prop, deps] of Object.entries(now.propertyDependencies)) {
                for (const dep of deps) {
                    if (dep === urn || !gone.has(dep)) continue;
                    if ((now.options.ignoreChanges ?? []).some((p) => pathTouches(p, prop))) continue;
                    const change = changes.get(urn) ?? resourceChange(now, "update", true);
                    if (parentProps.includes(prop)) {
                        if (change.parentReplaced) continue;
                        change.parentReplaced = {
                            urn: dep,
                            name: byUrn.get(dep)?.name ?? dep,
                            property: prop,
                            what: parentWhat(now.type, prop),
                        };
                    } else if (containsUnknown(inputs[prop])) {
                        if (change.changes.some((c) => c.path === prop)) continue;
                        change.changes.push({
                            path: prop,
                            before: inputAt(maskedInputs(was), prop),
                            after: inputs[prop],
                            uncertain: true,
                            via: dep,
                            ...replacementOf(now, inputs, prop),
                        });
                    } else {
                        continue;
                    }
                    const prior = `${change.action}/${change.uncertain}`;
                    settle(change, now);
                    if (!changes.has(urn) || prior !== `${change.action}/${change.uncertain}`) grew = true;
                    changes.set(urn, change);
                }
            }
        }
        if (!grew) return;
    }
}

/** Pairs a deleted endpoint with the one created in the same parent: a rename, which changes its URL. */
function pairRenames(
    changes: Map<string, ResourceChange>,
    before: Map<string, PlannedResource>,
    after: Map<string, PlannedResource>,
): void {
    const parentKey = (r: PlannedResource) =>
        `${r.type}|${parentInputsOf(r.type)
            .map((p) => JSON.stringify(r.inputs[p]))
            .join("|")}`;
    const deleted = [...changes.values()].filter((c) => c.action === "delete" && hasClientUrl(c.type));
    const created = [...changes.values()].filter((c) => c.action === "create" && hasClientUrl(c.type));
    for (const d of deleted) {
        const key = parentKey(before.get(d.urn)!);
        const sameParentDeleted = deleted.filter((x) => parentKey(before.get(x.urn)!) === key);
        const candidates = created.filter((c) => parentKey(after.get(c.urn)!) === key);
        if (sameParentDeleted.length === 1 && candidates.length === 1) {
            d.renamedTo = candidates[0].urn;
            candidates[0].renamedFrom = d.urn;
        }
    }
}

function destructiveChanges(
    ordered: ResourceChange[],
    before: Map<string, PlannedResource>,
    after: Map<string, PlannedResource>,
): DestructiveChange[] {
    const out: DestructiveChange[] = [];
    for (const c of ordered) {
        if (c.action !== "delete" && c.action !== "replace") continue;
        const old = before.get(c.urn)!;
        const what = destructiveWhat(old.type, old.inputs);
        if (!what) continue;
        const now = after.get(c.urn);
        const called = `${what} ${c.azureName ?? c.name}${c.azureName && c.azureName !== c.name ? ` (${c.name})` : ""}`;
        const url: DestructiveChange["url"] = {};
        let message: string;
        const oldUrl = endpointUrl(old);
        if (c.action === "delete") {
            const successor = c.renamedTo ? after.get(c.renamedTo) : undefined;
            message = "is deleted";
            if (oldUrl) {
                url.before = oldUrl;
                if (successor) {
                    url.after = endpointUrl(successor);
                    message += `: it is renamed to ${shownAzureName(successor) ?? successor.name}, so its URL changes from ${oldUrl} to ${url.after}, with new keys; clients must move`;
                } else {
                    message += `: clients calling ${oldUrl} lose it`;
                }
            } else {
                message += consequence(old);
            }
        } else {
            const first = c.changes.find((p) => p.replaces !== undefined);
            const why = c.parentReplaced
                ? `its ${c.parentReplaced.what} ${c.parentReplaced.name} is replaced, and Azure deletes child resources with their parent`
                : first
                  ? `${first.path}${first.uncertain ? " may change" : ` changes from ${formatValue(first.before, 80)} to ${formatValue(first.after, 80)}`}: ${first.replaces}`
                  : "its inputs force it";
            message = `${c.uncertain ? "may be replaced" : "is replaced"} (${why})`;
            if (oldUrl && now) {
                const newUrl = endpointUrl(now);
                url.before = oldUrl;
                url.after = newUrl;
                message +=
                    newUrl === oldUrl
                        ? `: same URL ${oldUrl}, new keys${c.deleteBeforeReplace ? ", and it answers nothing between the delete and the create" : ""}`
                        : `: its URL changes from ${oldUrl} to ${newUrl}, with new keys; clients must move`;
            } else {
                message += consequence(old);
            }
        }
        out.push({
            urn: c.urn,
            type: c.type,
            name: c.name,
            ...(c.azureName ? { azureName: c.azureName } : {}),
            action: c.action,
            uncertain: c.uncertain,
            what,
            message: `${called} ${message}`,
            detail: message,
            ...(url.before || url.after ? { url } : {}),
        });
    }
    return out;
}

/** What else goes when a resource of this kind goes (the registry's consequence), as `: ...`. */
function consequence(r: PlannedResource): string {
    const c = destructiveConsequence(r.type, r.inputs);
    return c ? `: ${c}` : "";
}

function outputChanges(base: DiffablePlan, head: DiffablePlan): OutputChange[] {
    const obj = (p: DiffablePlan) => Object.fromEntries(p.outputs.map((o) => [o.name, o.value]));
    return valueChanges(obj(base), obj(head));
}

/**
 * A value in a change line or message: strings quoted, `[unknown]`/`[secret]` bare, absent as `(none)`, JSON longer
 * than `max` characters cut.
 */
export function formatValue(v: unknown, max = 120): string {
    if (v === undefined) return "(none)";
    if (v === UNKNOWN || v === SECRET) return v;
    const s = JSON.stringify(v);
    return s.length > max ? `${s.slice(0, max - 3)}...` : s;
}

/** True when a diff changes nothing: no resource, no output. */
export function isEmptyDiff(diff: PlanDiff): boolean {
    return diff.resources.length === 0 && diff.outputs.length === 0;
}
