/**
 * What a failed plan's errors are, in words every report uses: the text and Markdown plans and the plan diff. A plan
 * fails before any resource for one of three reasons, and the reader needs to know which to know where to look.
 */

/**
 * Why a plan has errors: the stack config is invalid (the program's validation), the program does not type-check
 * (`--typecheck`, as `pulumi preview` does), or what it registers would be refused by the Pulumi engine or Azure
 * (a duplicate URN, a name that breaks Azure's rule).
 */
export type PlanErrorKind = "config" | "typecheck" | "refused";

interface Phrases {
    /** A title: `Invalid stack config`. */
    title: string;
    /** One error: `problem`. */
    noun: string;
    /** After "This change's" or "The base's": `stack config is invalid`. */
    clause: string;
}

const PHRASES: Record<PlanErrorKind, Phrases> = {
    config: { title: "Invalid stack config", noun: "problem", clause: "stack config is invalid" },
    typecheck: { title: "The program does not type-check", noun: "error", clause: "program does not type-check" },
    refused: {
        title: "Refused by Pulumi or Azure",
        noun: "problem",
        clause: "plan would be refused by Pulumi or Azure",
    },
};

/** The words for a plan's errors; a plan without `errorKind` (written before it existed) has config errors. */
export function problemPhrases(plan: { errorKind?: PlanErrorKind }): Phrases {
    return PHRASES[plan.errorKind ?? "config"];
}

/** `3 problems`, `1 error`. */
export function countOf(plan: { errors: readonly string[]; errorKind?: PlanErrorKind }): string {
    const n = plan.errors.length;
    const { noun } = problemPhrases(plan);
    return `${n} ${n === 1 ? noun : `${noun}s`}`;
}
