/**
 * What an OpenAI-compatible client (the `openai` npm package) needs to call a deployed catalog model in 2026: the
 * base URL under the endpoint, the auth header and how to fill it, and what goes in `model`. The Azure AI Inference
 * SDK, the official client of the model inference routes, retired on 2026-08-26 (MS docs foundry/includes/migrate-model-inference-to-v1-openai.md @e5983c17).
 */
import { SOURCES } from "./sources";
import type { ModelEntry } from "./modelEntry";
import type { Route, Source } from "./types";

/** Which OpenAI API a client calls: chat completions, or (base models) text completions. */
export type ClientApi = "chat" | "completions";

export interface OpenAiClientFacts {
    /** Path under the endpoint URI that is the client's base URL (the client appends `/chat/completions`). */
    basePath: string;
    api: ClientApi;
    /** The header the endpoint reads, and what goes in it (the `openai` package sends `Authorization: Bearer <apiKey>`). */
    authorization: { header: string; value: string };
    /** What to send as `model`. */
    model: string;
    /** Whether the endpoint reads `model`: a serverless endpoint serves one model, so only where the provider's API needs it. */
    modelRequired: boolean;
    source: Source;
}

const SERVERLESS_NOTE: Source = {
    ...SOURCES.deployServerless2026,
    note: "the provider-native routes under /v1 take the endpoint key as a bearer token; OpenAI-compatible clients use <endpoint>/v1 as base URL",
};

/** The route a client of this kind calls, where the offer serves one. */
function routeFor(routes: readonly Route[], api: ClientApi, apiName: Route["api"]): Route | undefined {
    const kind = api === "chat" ? "chat-completions" : "completions";
    return routes.find((r) => r.api === apiName && r.kind === kind);
}

/**
 * The OpenAI-compatible client of a serverless deployment: its provider-native route under `/v1`. Undefined for a
 * model that serves no chat or completions route there (document OCR).
 */
export function serverlessClient(model: ModelEntry): OpenAiClientFacts | undefined {
    const routes = model.serverless?.routes ?? [];
    const api: ClientApi | undefined = routeFor(routes, "chat", "provider-native")
        ? "chat"
        : routeFor(routes, "completions", "provider-native")
          ? "completions"
          : undefined;
    if (!api) return undefined;
    const field = model.capabilities?.nativeModelField;
    return {
        basePath: "/v1",
        api,
        authorization: { header: "Authorization", value: "Bearer <primaryKey or secondaryKey>" },
        model: field ?? model.name,
        modelRequired: field !== undefined,
        source: SERVERLESS_NOTE,
    };
}

/**
 * The API a managed deployment of this model serves at the endpoint's root (`/chat/completions` or `/completions`);
 * the client picks the deployment with the `azureml-model-deployment` header.
 */
export function managedClientApi(model: ModelEntry | undefined): ClientApi {
    const routes = model?.managed?.routes ?? [];
    return routeFor(routes, "chat", "azure-ai-model-inference") || !model?.managed ? "chat" : "completions";
}

/** The header that sends a request to one deployment of a managed online endpoint, whatever the traffic split. */
export const DEPLOYMENT_HEADER = "azureml-model-deployment";
