/**
 * Where clients reach models deployed in a hub (classic): the URL forms of serverless and managed online endpoints,
 * which Azure derives from the endpoint's name and region, and the Entra ID token scope of online endpoints. The
 * Foundry resource's URLs are in `foundry.ts` (`FOUNDRY_ENDPOINTS`).
 */
import type { Source } from "./types";

export const HUB_ENDPOINTS = {
    /** A serverless API endpoint: `https://<name>.<region>.models.ai.azure.com`. */
    serverless: (name: string, region: string) => `https://${name}.${region}.models.ai.azure.com`,
    /** A managed online endpoint's host: `https://<name>.<region>.inference.ml.azure.com`. */
    onlineHost: (name: string, region: string) => `https://${name}.${region}.inference.ml.azure.com`,
    /** A managed online endpoint's scoring URL (what clients POST to). */
    onlineScoring: (name: string, region: string) => `${HUB_ENDPOINTS.onlineHost(name, region)}/score`,
    /** Its OpenAPI document. */
    onlineSwagger: (name: string, region: string) => `${HUB_ENDPOINTS.onlineHost(name, region)}/swagger.json`,
    source: {
        document:
            "MS docs: serverless endpoint URL https://<name>.<region>.models.ai.azure.com (deploy-models-serverless, seeds 000, 003 and 004); managed online endpoint scoring URL https://<endpoint>.<region>.inference.ml.azure.com/score (how-to-deploy-online-endpoints, scoring_uri)",
        date: "2026-11-21",
    } satisfies Source,
} as const;

/** The Entra ID token scope of a managed online endpoint with `authMode: AADToken`. */
export const ML_TOKEN_SCOPE = {
    scope: "https://ml.azure.com/.default",
    source: {
        document:
            "MicrosoftDocs/azure-docs articles/machine-learning/how-to-authenticate-online-endpoint.md (ms.date 2023-10-18): a data-plane token is requested for the resource https://ml.azure.com (az account get-access-token --resource https://ml.azure.com)",
        date: "2026-12-06",
    } satisfies Source,
} as const;
