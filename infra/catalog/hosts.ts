/**
 * The host names Azure gives the inference endpoints of each kind of deployment: the smoke check sends a key or a
 * token only over `https` to a host of the target's kind (or to a custom domain the caller names), never to whatever
 * host the outputs happen to name.
 */
import { FOUNDRY_ENDPOINTS } from "./foundry";

/** One kind's hosts: a host matches when it ends with one of `suffixes` (each starts with a dot). */
export interface InferenceHosts {
    suffixes: readonly string[];
    source: string;
}

/** Host suffixes by smoke target kind. */
export const INFERENCE_HOSTS: Readonly<Record<"serverless" | "online" | "foundry", InferenceHosts>> = {
    /** `https://<endpoint>-<suffix>.<region>.models.ai.azure.com`, the serverless endpoint's inference URI. */
    serverless: {
        suffixes: [".models.ai.azure.com"],
        source:
            "The serverless endpoint's `inferenceEndpoint.uri` as this catalog's seed documents show it (SOURCES.seedMistral, " +
            "seedJamba, seedLlama); unverified against a live endpoint",
    },
    /** `https://<endpoint>.<region>.inference.ml.azure.com/score`, the online endpoint's `scoringUri`. */
    online: {
        suffixes: [".inference.ml.azure.com"],
        source:
            "The managed online endpoint's `scoringUri` as the managed-compute seed shows it (SOURCES.seedMistralManaged); " +
            "unverified against a live endpoint",
    },
    /** The Foundry account's custom subdomain under the OpenAI, Foundry and Cognitive Services domains. */
    foundry: {
        suffixes: [".openai.azure.com", ".services.ai.azure.com", ".cognitiveservices.azure.com"],
        source: FOUNDRY_ENDPOINTS.source.document,
    },
};

/**
 * Whether credentials may go to `url` for a target of `kind`: `https` only, to a host of that kind, or to one of
 * `customHosts` (exact host names, or `*.example.com` for its subdomains).
 */
export function credentialHostProblem(
    url: string,
    kind: keyof typeof INFERENCE_HOSTS,
    customHosts: readonly string[] = [],
): string | undefined {
    let parsed: URL;
    try {
        parsed = new URL(url);
    } catch {
        return `${url} is not a URL`;
    }
    if (parsed.protocol !== "https:") return `${parsed.protocol}// is not https: credentials go over https only`;
    const host = parsed.hostname.toLowerCase();
    const custom = customHosts.some((h) => {
        const l = h.toLowerCase();
        return l.startsWith("*.") ? host.endsWith(l.slice(1)) : host === l;
    });
    if (custom || INFERENCE_HOSTS[kind].suffixes.some((s) => host.endsWith(s))) return undefined;
    return (
        `${host} is not a ${kind} inference host (${INFERENCE_HOSTS[kind].suffixes.map((s) => `*${s}`).join(", ")}): ` +
        `credentials are not sent there; for a custom domain pass --allow-host ${host}`
    );
}
