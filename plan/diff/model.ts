/**
 * What a plan diff is made of: the plans it compares (\`DiffablePlan\`), each changed resource with its input changes
 * and predicted action, the destructive changes the gate judges, and the whole \`PlanDiff\` the renderers print. Types
 * only, and the one question asked of a finished diff (\`isEmptyDiff\`); \`diff.ts\` builds it.
 */
import type { Plan, PlannedResource, PlanViolation, PlanWarning, QuotaRow } from "../run/types";
import type { PlanErrorKind } from "../run/problems";

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

export interface DiffOptions {
    /** @default "base" */
    baseLabel?: string;
    /** @default "this change" */
    headLabel?: string;
}

/** True when a diff changes nothing: no resource, no output. */
export function isEmptyDiff(diff: PlanDiff): boolean {
    return diff.resources.length === 0 && diff.outputs.length === 0;
}
