/** Azure built-in roles the package assigns or documents (MS docs: Azure built-in roles, AI + machine learning). */
import type { Source } from "./types";

export interface RoleFact {
    name: string;
    /** Role definition GUID, the same in every subscription. */
    id: string;
    source: Source;
}

const RBAC_DOC: Source = {
    document:
        "MS docs: Azure built-in roles (AI + machine learning); the MS docs serverless guides for Mistral, AI21 and Llama name the role for serverless deployments",
    date: "2026-11-21",
};

/** Needed to deploy serverless models; includes marketplaceModelSubscriptions/* and serverlessEndpoints/*. */
export const AZURE_AI_DEVELOPER: RoleFact = {
    name: "Azure AI Developer",
    id: "64702f94-c441-49e6-a78b-ef80e0188fee",
    source: RBAC_DOC,
};

/** Can deploy models (documented for reference; not assigned by default). */
export const AZURE_AI_INFERENCE_DEPLOYMENT_OPERATOR: RoleFact = {
    name: "Azure AI Inference Deployment Operator",
    id: "3afb7f49-54cb-416e-8c09-6dc049efa503",
    source: RBAC_DOC,
};

/** Lets an identity call Azure AI services (Content Safety) with Entra ID. */
export const COGNITIVE_SERVICES_USER: RoleFact = {
    name: "Cognitive Services User",
    id: "a97b65f3-24c7-4388-baec-2e87135dc908",
    source: RBAC_DOC,
};

/**
 * Lets a service's managed identity read a Key Vault key's metadata and wrap and unwrap with it: the role the
 * identity of a customer-managed key needs on the key (or its vault). RBAC vaults only.
 */
export const KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER: RoleFact = {
    name: "Key Vault Crypto Service Encryption User",
    id: "e147488a-f6f5-4113-8e2d-b22465e65bf6",
    source: {
        document:
            "MicrosoftDocs/azure-docs articles/role-based-access-control/built-in-roles/security.md, 'Key Vault Crypto Service Encryption User' (data actions keys/read, keys/wrap/action, keys/unwrap/action; commit 03e5750af10b23b5ba437d5b333ec5e9437844f9)",
        date: "2026-02-23",
    },
};
