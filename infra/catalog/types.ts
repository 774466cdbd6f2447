/**
 * Types of the model catalog. The data lives in `models.ts`, the region lists in `regions.ts`, and every fact
 * carries a {@link Source}: where it was read and when, so a stale fact can be found and fixed.
 */

/** How a model can be deployed. */
export type DeploymentType = "serverless" | "managed";

/**
 * Where a fact comes from. `date` is the date of the document version the fact was read from (its `ms.date`
 * for Microsoft docs) or, when that version carries no date, the day the fact was checked against it.
 */
export interface Source {
    document: string;
    date: string;
    note?: string;
}

/**
 * Lifecycle of a model offer (MS docs `model-lifecycle-retirement.md`):
 * - legacy: new deployments are not recommended;
 * - deprecated: no new deployments;
 * - retired: existing deployments return 404.
 * Dates are ISO `YYYY-MM-DD` and take effect at the start of that day (UTC).
 */
export interface Lifecycle {
    legacy?: string;
    deprecated?: string;
    retired?: string;
    /** What Microsoft names as the successor, where it names one (absent: the schedule names none). */
    replacement?: Replacement;
    source: Source;
}

/**
 * A successor, typed by where it can be deployed, so a message about a retired model leads somewhere deployable:
 * - `catalog`: a model of this catalog (a hub serverless API or managed compute), by its catalog name;
 * - `foundry`: models offered only as deployments of a Foundry resource (`azure-ai-models:foundry`), by the model
 *   name a Foundry deployment uses;
 * - `none`: the schedule says there is no successor on Azure ("N/A").
 */
export type Replacement =
    { on: "catalog"; model: string } | { on: "foundry"; models: readonly string[] } | { on: "none" };

/** Release stage of an offer, as Microsoft's model tables and retirement schedule name it. */
export type ReleaseStage = "preview" | "GA" | "legacy" | "deprecated";

export const RELEASE_STAGES: readonly ReleaseStage[] = ["preview", "GA", "legacy", "deprecated"];

/** An offer's release stage with where it was read. */
export interface OfferStage {
    stage: ReleaseStage;
    source: Source;
}

/** Which API a route belongs to. */
export type RouteApi = "azure-ai-model-inference" | "provider-native";
/** What a route does. */
export type RouteKind = "info" | "chat-completions" | "completions" | "ocr";

export interface Route {
    api: RouteApi;
    kind: RouteKind;
    method: "GET" | "POST";
    /** Path appended to the endpoint URI, starting with `/`. */
    path: string;
    /**
     * The day the only official SDK of this route's API retired, where it has: clients should move to another
     * route (the Azure AI Inference SDK for `azure-ai-model-inference`, retired 2026-08-26).
     */
    sdkRetired?: string;
}

/** Capabilities that change how a client must call the model. */
export interface Capabilities {
    /** Accepts `role: "system"` messages (without it the inference API rewrites them as user messages). */
    systemRole: boolean;
    /** Accepts `response_format: { type: "json_object" }`. */
    jsonMode: boolean;
    /** Accepts `tools` (function calling). */
    tools: boolean;
    /** Accepts grounding `documents` in the request body (AI21). */
    documents: boolean;
    /** Value the provider-native API needs in the body's `model` field, where it needs one (AI21). */
    nativeModelField?: string;
    source: Source;
}

export interface RateLimits {
    tokensPerMinute: number;
    requestsPerMinute: number;
    source: Source;
}

/** Facts about deploying a model as a serverless API (models as a service). */
export interface ServerlessOffer {
    /** `azureml://registries/<registry>/models/<name>`, never with a version. */
    modelId: string;
    /** Azure region names (`eastus2`) where a workspace or hub must be created to deploy this offer. */
    regions: readonly string[];
    regionsSource: Source;
    routes: readonly Route[];
    rateLimits: RateLimits;
    lifecycle?: Lifecycle;
}

/** Facts about deploying a model on managed compute (online endpoint + deployment). */
export interface ManagedOffer {
    /** Asset name in the registry; the deployed id is `azureml://registries/<registry>/models/<asset>/versions/<n>`. */
    assetName: string;
    /**
     * Version pinned by the catalog, where a source shows one. Without it a deployment must name its version.
     */
    version?: number;
    versionSource?: Source;
    /** VM sizes the model's asset allows, where a source gives them. */
    allowedInstanceTypes?: readonly string[];
    /** Minimum spec named by the model card. */
    minimumSpec?: { vCPUs: number; gpus: number };
    /** Whether the asset allows the shared quota pool (`SharedComputeCapacityEnabled`). Unknown when absent. */
    sharedQuota?: boolean;
    sharedQuotaSource?: Source;
    routes: readonly Route[];
    lifecycle?: Lifecycle;
    source: Source;
}
