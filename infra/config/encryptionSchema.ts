/**
 * The `encryption` block of the `foundry` and `workspace` sections: a customer-managed key in an existing Key Vault,
 * used through a user-assigned identity (one the stack creates, or an existing one), which gets the
 * Key Vault Crypto Service Encryption User role on the key before the account or workspace is created.
 *
 * ```yaml
 * encryption:
 *   keyVaultId: /subscriptions/<sub>/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-aimodels
 *   keyName: cmk-aimodels
 *   # keyVersion left out: versionless, Azure follows the key's rotations
 * ```
 */
import { z } from "zod";
import { choice } from "../catalog/choice";
import { KEY_ROLE_SCOPES } from "../catalog/vocabulary";
import { KEY_VAULT_ID, USER_ASSIGNED_IDENTITY_ID } from "../catalog/encryption";

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** Where the identity's Key Vault role is assigned (the vocabulary's list). */
export { KEY_ROLE_SCOPES };

/** A user-assigned identity that exists already: its ARM id, and the two ids Azure gave it. */
export const existingIdentitySchema = z.strictObject({
    /** ARM id `.../providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`. */
    id: z
        .string()
        .regex(
            USER_ASSIGNED_IDENTITY_ID,
            "a user-assigned identity ARM id .../providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>",
        ),
    /** Its principal (object) id: the role on the key is assigned to it. */
    principalId: z.string().regex(GUID, "a GUID"),
    /** Its client id: the Foundry resource names the identity by it. */
    clientId: z.string().regex(GUID, "a GUID"),
});

export const encryptionSchema = z.strictObject({
    /** ARM id of the existing key vault that holds the key (soft delete and purge protection on, same region). */
    keyVaultId: z
        .string()
        .regex(
            KEY_VAULT_ID,
            "a key vault ARM id /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>",
        ),
    /** The key's name in the vault. */
    keyName: z.string().regex(/^[a-zA-Z0-9-]{1,127}$/, "1-127 letters, digits and '-'"),
    /**
     * Pin one version of the key (32 hexadecimal characters). @default - none: versionless, Azure uses the key's
     * current version and follows its rotations
     */
    keyVersion: z
        .string()
        .regex(/^[0-9a-fA-F]{32}$/, "a key version: 32 hexadecimal characters")
        .optional(),
    /** Use this user-assigned identity. @default - the stack creates one, `id-<name>-cmk`, next to the resource */
    identity: existingIdentitySchema.optional(),
    /**
     * Assign the identity the Key Vault Crypto Service Encryption User role (before the resource is created). Set
     * false when the role is granted elsewhere, e.g. by the team that owns the vault. @default true
     */
    assignRole: z.boolean().default(true),
    /** Where the role is assigned: on the key only, or on the whole vault. @default "key" */
    roleScope: choice(KEY_ROLE_SCOPES).default("key"),
});

export type EncryptionConfig = z.output<typeof encryptionSchema>;
