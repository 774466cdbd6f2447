/**
 * Which stack a plan is of, and whether two plans may be compared: `plan:diff` refuses a saved plan of one stack or
 * project against a plan of another (a diff across stacks reports every resource as created and deleted, and the
 * destructive-change gate would judge the wrong stack).
 */

/** The identity fields of a plan: `project` is empty in plans saved before it was recorded. */
export interface PlanIdentity {
    project: string;
    stack: string;
}

function describe(p: PlanIdentity): string {
    return p.project ? `stack ${p.stack} of project ${p.project}` : `stack ${p.stack}`;
}

/**
 * Why `base` and `head` are not plans of the same stack, or `undefined` when they are. A field that one plan lacks
 * (empty: written by an older version) is not compared.
 */
export function planMismatch(
    base: PlanIdentity,
    head: PlanIdentity,
    labels: { base: string; head: string },
): string | undefined {
    const stackDiffers = base.stack !== "" && head.stack !== "" && base.stack !== head.stack;
    const projectDiffers = base.project !== "" && head.project !== "" && base.project !== head.project;
    if (!stackDiffers && !projectDiffers) return undefined;
    const what = [stackDiffers ? "stacks" : undefined, projectDiffers ? "projects" : undefined]
        .filter(Boolean)
        .join(" and ");
    const hint = stackDiffers ? `; plan the same stack on both sides (--stack ${base.stack})` : "";
    return (
        `refusing to compare plans of different ${what}: ${labels.base} is a plan of ${describe(base)}, ` +
        `${labels.head} of ${describe(head)}${hint}`
    );
}
