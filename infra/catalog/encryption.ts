/**
 * Customer-managed key facts: what Azure requires of the vault and key that encrypt a Foundry resource or a hub, what
 * cannot change once the resource exists, and how the key's URLs are formed from the vault's name.
 */
import { OUTBOUND_RULE_TYPES } from "./vocabulary";
import { PRIVATE_LINK_SOURCES } from "./privateLink";
import type { Source } from "./types";

/** ARM id of a key vault: `/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>`. */
export const KEY_VAULT_ID =
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.KeyVault\/vaults\/([a-zA-Z0-9-]{3,24})$/i;

/** ARM id of a user-assigned managed identity. */
export const USER_ASSIGNED_IDENTITY_ID =
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/[^/]+$/i;

/** Where the rules below come from (the versions read). */
export const CMK_SOURCES = {
    foundry: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/ai-foundry/concepts/encryption-keys-portal.md (commit 0a793a9750e73243fe169c693e87babab10674fc): soft delete and purge protection on the vault; vault and resource in the same region and tenant; get/wrap/unwrap key; the key can only be updated to keys in the same vault; after deployment a resource or hub cannot switch between Microsoft-managed and customer-managed keys",
        date: "2025-05-01",
    },
    machineLearning: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/machine-learning/concept-customer-managed-keys.md (commit 0ceb10e36831575344d2793476678a0112d8cc1f): the vault must enable soft delete and purge protection; the identity needs wrap key, unwrap key and get; after workspace creation the key can only be updated to another key in the original vault",
        date: "2024-05-21",
    },
} as const satisfies Record<string, Source>;

/** What Azure requires and forbids for a customer-managed key, with the sources above. */
export const CUSTOMER_MANAGED_KEY_RULES = {
    /** The vault holding the key: both on, or Azure refuses the key. */
    vaultNeeds: ["soft delete", "purge protection"],
    /** The vault and the resource it encrypts share a region and a Microsoft Entra tenant (subscriptions may differ). */
    sameRegionAndTenant: true,
    /** Turning customer-managed keys on or off is decided when the resource is created. */
    setAtCreationOnly: true,
    /** A later key must come from the same vault. */
    sameVaultOnly: true,
    sources: [CMK_SOURCES.foundry, CMK_SOURCES.machineLearning],
} as const;

/** The public cloud's Key Vault host suffix: `<vault>.vault.azure.net`. */
export const KEY_VAULT_HOST = { suffix: "vault.azure.net", source: PRIVATE_LINK_SOURCES.serviceZones } as const;

/** The vault's name, from its ARM id (`undefined` when the id is not a vault id). */
export function keyVaultNameOf(vaultId: string): string | undefined {
    return KEY_VAULT_ID.exec(vaultId)?.[1]?.toLowerCase();
}

/** `https://<vault>.vault.azure.net/`, the vault URI a Foundry account's `keyVaultProperties.keyVaultUri` takes. */
export function keyVaultUri(vaultName: string): string {
    return `https://${vaultName}.${KEY_VAULT_HOST.suffix}/`;
}

/**
 * The key's identifier, `https://<vault>.vault.azure.net/keys/<key>[/<version>]`: without a version it names the key
 * itself (versionless), so Azure follows the key's current version after a rotation.
 */
export function keyIdentifier(vaultName: string, keyName: string, keyVersion?: string): string {
    return `${keyVaultUri(vaultName)}keys/${keyName}${keyVersion ? `/${keyVersion}` : ""}`;
}

/** Managed network outbound rules of a hub: which rule types each isolation mode takes, and what FQDN rules cost. */
export const MANAGED_NETWORK_RULES = {
    /** Rule types the REST spec defines (`RuleType`: FQDN, PrivateEndpoint, ServiceTag). */
    ruleTypes: OUTBOUND_RULE_TYPES,
    /** FQDN and ServiceTag rules are valid only with `AllowOnlyApprovedOutbound`. */
    approvedOutboundOnly: ["FQDN", "ServiceTag"],
    /** Azure provisions an Azure Firewall (Standard, billed) for the hub once it has an FQDN rule. */
    fqdnNeedsFirewall: true,
    source: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/machine-learning/how-to-managed-network.md ('Adding an outbound for a service tag or FQDN is only valid when the managed VNet is configured to allow_only_approved_outbound'; 'FQDN outbound rules are implemented using Azure Firewall'); REST spec Microsoft.MachineLearningServices 2025-12-01 RuleType, FqdnOutboundRule, PrivateEndpointOutboundRule, ServiceTagOutboundRule",
        date: "2026-12-06",
    },
} as const;
