/**
 * One model's record, with every offer of it. Apart from `types.ts` because it joins the hub offers (there) and the
 * Foundry offer (`foundry.ts`, which builds on `types.ts`): the types import one way only.
 */
import type { FoundryOffer } from "./foundry";
import type { Capabilities, ManagedOffer, ServerlessOffer, Source } from "./types";

/** Model family; `other` for models added through `customModels`. */
export type Family = "mistral" | "ai21-jamba" | "meta-llama" | "other";

/**
 * One model of the catalog with every offer of it: on the hub (serverless API, managed compute) and on a Foundry
 * resource. One name and one alias list find it on every path (`findModel`).
 */
export interface ModelEntry {
    /**
     * Catalog name: the registry asset name Azure uses in the serverless model id (e.g. `Mistral-Large-2411`) and, for
     * a model on Foundry, the deployment's `properties.model.name`.
     */
    name: string;
    displayName: string;
    /** Other names people use for it, on every path; matched case-insensitively. */
    aliases: readonly string[];
    family: Family;
    publisher: string;
    /** Registry the model comes from (`azureml`, `azureml-mistral`, `azureml-ai21`, `azureml-meta`). */
    registry: string;
    serverless?: ServerlessOffer;
    managed?: ManagedOffer;
    /** The model as a deployment of a Foundry resource (`accounts/deployments`). */
    foundry?: FoundryOffer;
    /** How a client calls the hub offers; absent on a model offered only on Foundry. */
    capabilities?: Capabilities;
    /** Where the model itself is named (the seed document). */
    source: Source;
}
