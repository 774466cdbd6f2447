/**
 * What a message says about a model's successor: a catalog model (in the catalog's spelling, and what became of
 * it since), models only a Foundry resource deploys, or none on Azure. Config errors, policy messages and the
 * lifecycle report word it from here, so each leads somewhere deployable.
 */
import { findModel, lifecycleStage } from "./lookup";
import { MODELS } from "./models";
import type { ModelEntry } from "./modelEntry";
import type { Lifecycle, Replacement } from "./types";

/** The config key of the Foundry path, where the `foundry` replacements are deployed. */
export const FOUNDRY_CONFIG_KEY = "azure-ai-models:foundry";
/** The config key where a model outside the catalog is described. */
const CUSTOM_MODELS_CONFIG_KEY = "azure-ai-models:customModels";

export interface ReplacementContext {
    /**
     * How the retiring model is deployed: a catalog replacement is judged by its offer of the same kind (a Foundry
     * deployment's catalog replacement by its serverless offer).
     */
    offer: "serverless" | "managed" | "foundry";
    today: Date;
    /** Models a catalog replacement may be among. @default - the catalog */
    known?: readonly ModelEntry[];
}

/**
 * The replacement as a deployable target: `mistral-small-2503`, `Meta-Llama-3.1-8B-Instruct (itself retired on
 * 2026-06-13; no replacement on Azure)`, `Llama-4-Maverick-17B-128E-Instruct-FP8 or Llama-4-Scout-17B-16E-Instruct on
 * a Foundry resource (azure-ai-models:foundry)`; undefined when there is none on Azure.
 */
export function replacementTarget(r: Replacement, c: ReplacementContext, depth = 0): string | undefined {
    if (r.on === "none") return undefined;
    if (r.on === "foundry") return `${r.models.join(" or ")} on a Foundry resource (${FOUNDRY_CONFIG_KEY})`;
    const model = findModel(r.model, c.known ?? MODELS);
    if (!model) return `${r.model} (not in the catalog yet: add it under ${CUSTOM_MODELS_CONFIG_KEY})`;
    const lc =
        c.offer === "managed" ? (model.managed?.lifecycle ?? model.serverless?.lifecycle) : model.serverless?.lifecycle;
    if (depth < 3 && lc?.retired && lifecycleStage(lc, c.today) === "retired")
        return `${model.name} (itself retired on ${lc.retired}; ${replacementClause(lc, c, depth + 1)})`;
    return model.name;
}

/** `replacement: X`, `no replacement on Azure` or `no replacement is named`. */
export function replacementClause(lc: Lifecycle, c: ReplacementContext, depth = 0): string {
    if (!lc.replacement) return "no replacement is named";
    const target = replacementTarget(lc.replacement, c, depth);
    return target === undefined ? "no replacement on Azure" : `replacement: ${target}`;
}
