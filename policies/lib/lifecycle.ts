/**
 * Model lifecycle for the two lifecycle rules: which catalog offer a resource deploys (serverless, managed, or a
 * Foundry deployment's offer), and which stage it is in on a given day (catalog `lifecycleStage`, dates from MS docs `model-lifecycle-retirement.md`).
 */
import { MODEL_ID_PATH, mlKind } from "./azure";
import {
    findFoundryModel,
    findOffer,
    lifecycleStage,
    replacementTarget,
    type Lifecycle,
    type LifecycleStage,
    type OfferKind,
} from "./catalog";
import { deploymentModel, describeModel, isFoundryDeployment } from "./foundry";
import { knownString } from "./unknown";
import type { ResourceView } from "./view";

/** `today` config: a `YYYY-MM-DD` day (UTC); without it, the day the policy runs. */
export const TODAY_SCHEMA = {
    type: "string",
    pattern: "^\\d{4}-\\d{2}-\\d{2}$",
    description:
        "The day to judge lifecycle dates against, YYYY-MM-DD (UTC). Default: the day the policy runs (the offline plan passes its own `today`).",
} as const;

/** The day a rule judges against. */
export function today(day: string | undefined): Date {
    return day ? new Date(`${day}T00:00:00Z`) : new Date();
}

export interface OfferStage {
    /** The model as people know it (the catalog's display name; a Foundry offer's model name). */
    displayName: string;
    /** What the resource names: the model id, or a Foundry deployment's format, name and version. */
    modelId: string;
    /** `serverless`, `managed` or `Foundry`, for "whose <offer> offer ...". */
    offer: OfferKind | "Foundry";
    lifecycle: Lifecycle;
    stage: LifecycleStage;
}

/** The lifecycle stage of the Foundry offer a model deployment (`cognitiveservices.Deployment`) deploys. */
function foundryStage(resource: ResourceView, day: Date): OfferStage | undefined {
    const model = deploymentModel(resource);
    const offer = findFoundryModel(model);
    if (!offer?.lifecycle) return undefined;
    return {
        displayName: offer.name,
        modelId: describeModel(model),
        offer: "Foundry",
        lifecycle: offer.lifecycle,
        stage: lifecycleStage(offer.lifecycle, day),
    };
}

/** The lifecycle stage of the catalog offer a resource deploys, or undefined (not a model resource, unknown id, not in the catalog). */
export function offerStage(resource: ResourceView, day: Date): OfferStage | undefined {
    if (isFoundryDeployment(resource)) return foundryStage(resource, day);
    const kind = mlKind(resource.type);
    const path = kind ? MODEL_ID_PATH[kind] : undefined;
    const modelId = path ? knownString(resource.props, path) : undefined;
    if (modelId === undefined) return undefined;
    // A Marketplace subscription is for a serverless offer; an OnlineDeployment runs on managed compute.
    const offer: OfferKind = kind === "OnlineDeployment" ? "managed" : "serverless";
    const found = findOffer(modelId, offer);
    if (!found?.lifecycle) return undefined;
    return {
        displayName: found.model.displayName,
        modelId,
        offer,
        lifecycle: found.lifecycle,
        stage: lifecycleStage(found.lifecycle, day),
    };
}

/** "Deploy its replacement X instead, or another model", where X leads somewhere deployable on `day`. */
export function replacementHint(s: Pick<OfferStage, "lifecycle" | "offer">, day: Date): string {
    const r = s.lifecycle.replacement;
    if (!r) return "Deploy another model";
    const target = replacementTarget(r, { offer: s.offer === "Foundry" ? "foundry" : s.offer, today: day });
    return target === undefined
        ? "Microsoft names no replacement on Azure: deploy another model"
        : `Deploy its replacement ${target} instead, or another model`;
}

/** "(MS docs ..., 2026-07-07)" */
export function sourceNote(lifecycle: Lifecycle): string {
    return `(${lifecycle.source.document}, ${lifecycle.source.date})`;
}
