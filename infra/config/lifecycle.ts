/**
 * The lifecycle check serverless, managed and Foundry deployments share: legacy and deprecated warn, retired fails
 * unless the deployment accepts it. Messages give the date, the replacement and the source.
 */
import {
    lifecycleStage,
    replacementClause,
    type Lifecycle,
    type ModelEntry,
    type ReplacementContext,
} from "../catalog";

export interface LifecycleCheck {
    /** The model (a catalog entry, or a Foundry offer: only its name is read). */
    model: Pick<ModelEntry, "name">;
    /** How the model is deployed: a catalog replacement is judged by its offer of this kind. */
    offer: ReplacementContext["offer"];
    lifecycle: Lifecycle | undefined;
    today: Date;
    acceptRetired: boolean;
    /** Models the replacement may be among (the catalog plus custom models). */
    known: readonly ModelEntry[];
    /** Config path of the deployment's `model`. */
    path: PropertyKey[];
    err: (path: PropertyKey[], message: string) => void;
    warn: (path: PropertyKey[], message: string) => void;
}

export function checkLifecycle(c: LifecycleCheck): void {
    const lc = c.lifecycle;
    const stage = lifecycleStage(lc, c.today);
    if (!lc || stage === "active") return;
    const replacement = replacementClause(lc, { offer: c.offer, today: c.today, known: c.known });
    const where = `source: ${lc.source.document} (${lc.source.date})`;
    const date = lc[stage]!;
    if (stage === "retired") {
        const text = `${c.model.name} was retired on ${date}: existing deployments return 404; ${replacement}; ${where}`;
        if (c.acceptRetired) c.warn(c.path, `${text} (accepted by acceptRetired)`);
        else c.err(c.path, `${text}. Set acceptRetired: true to deploy it anyway`);
    } else {
        const advice = stage === "deprecated" ? " (no new deployments)" : " (new deployments not recommended)";
        c.warn(
            c.path,
            `${c.model.name} is ${stage} since ${date}${advice}${lc.retired ? `, retires ${lc.retired}` : ""}; ${replacement}; ${where}`,
        );
    }
}
