/** Finding a catalog model by name, and the lifecycle stage of an offer on a day. */
import { MODELS } from "./models";
import type { ModelEntry } from "./modelEntry";
import type { Lifecycle } from "./types";

const BY_NAME = new Map<string, ModelEntry>();
for (const m of MODELS) {
    for (const key of [m.name, m.displayName, ...m.aliases]) BY_NAME.set(key.toLowerCase(), m);
}

/** Finds a catalog model by its name, display name or an alias (case-insensitive). */
export function findModel(name: string, models: readonly ModelEntry[] = MODELS): ModelEntry | undefined {
    if (models === MODELS) return BY_NAME.get(name.toLowerCase());
    const key = name.toLowerCase();
    return models.find((m) => [m.name, m.displayName, ...m.aliases].some((k) => k.toLowerCase() === key));
}

export type LifecycleStage = "active" | "legacy" | "deprecated" | "retired";

/** The stage a lifecycle is in on `today` (its UTC day, compared with the lifecycle's `YYYY-MM-DD` dates). */
export function lifecycleStage(lifecycle: Lifecycle | undefined, today: Date): LifecycleStage {
    if (!lifecycle) return "active";
    const day = today.toISOString().slice(0, 10);
    if (lifecycle.retired && day >= lifecycle.retired) return "retired";
    if (lifecycle.deprecated && day >= lifecycle.deprecated) return "deprecated";
    if (lifecycle.legacy && day >= lifecycle.legacy) return "legacy";
    return "active";
}
