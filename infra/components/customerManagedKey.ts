/**
 * The identity side of a customer-managed key, shared by `FoundryAccount` and `AiWorkspace`: a user-assigned identity
 * (created, or an existing one), and the Key Vault Crypto Service Encryption User role for it on the key (or vault).
 * The resource that uses the key depends on what this returns, so the role exists before Azure first reads the key.
 */
import * as managedidentity from "@pulumi/azure-native/managedidentity";
import * as pulumi from "@pulumi/pulumi";
import { keyIdentifier, keyVaultNameOf, keyVaultUri } from "../catalog/encryption";
import { KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER } from "../catalog/roles";
import type { KeyRoleScope } from "./enums";
import { assignRole } from "./roleAssignment";

/** An existing user-assigned identity: its ARM id and the ids Azure gave it. */
export interface ExistingUserAssignedIdentity {
    /** ARM id `.../providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`. */
    id: string;
    /** Principal (object) id: the Key Vault role is assigned to it. */
    principalId: string;
    /** Client id: the Foundry resource names its key's identity by it. */
    clientId: string;
}

/** A customer-managed key in an existing Key Vault, and the identity that reads it. */
export interface CustomerManagedKey {
    /**
     * ARM id of the key vault (soft delete and purge protection on, in the resource's region and tenant; Azure
     * refuses a vault without them).
     */
    keyVaultId: string;
    /** The key's name in the vault (RSA). */
    keyName: string;
    /** Pin a key version. @default - versionless: Azure uses the key's current version and follows its rotations */
    keyVersion?: string;
    /** Use this identity. @default - a user-assigned identity `id-<base name>-cmk` the component creates */
    identity?: ExistingUserAssignedIdentity;
    /** Assign the identity the Key Vault Crypto Service Encryption User role before the resource is created. @default true */
    assignRole?: boolean;
    /** Where the role goes: the key, or the whole vault. @default "key" */
    roleScope?: KeyRoleScope;
}

/** What a component needs to use the key: the identity's ids, the key's URLs and what to depend on. */
export interface KeyAccess {
    identityId: pulumi.Output<string>;
    clientId: pulumi.Output<string>;
    principalId: pulumi.Output<string>;
    vaultUri: string;
    keyName: string;
    keyVersion?: string;
    /** `https://<vault>.vault.azure.net/keys/<key>[/<version>]` */
    keyId: string;
    /** The resource must depend on these: the role assignment (or the identity when no role is assigned). */
    before: pulumi.Resource[];
}

/** The identity and its role on the key, children of `parent`, named `<name>-cmk-...`. */
export function keyAccess(
    name: string,
    key: CustomerManagedKey,
    at: {
        baseName: string;
        resourceGroupName: pulumi.Input<string>;
        location: pulumi.Input<string>;
        tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
    },
    parent: pulumi.Resource,
): KeyAccess {
    const vaultName = keyVaultNameOf(key.keyVaultId)!;
    const created = key.identity
        ? undefined
        : new managedidentity.UserAssignedIdentity(
              `${name}-cmk-identity`,
              {
                  resourceName: `id-${at.baseName}-cmk`,
                  resourceGroupName: at.resourceGroupName,
                  location: at.location,
                  tags: at.tags,
              },
              { parent },
          );
    const identityId = created ? created.id : pulumi.output(key.identity!.id);
    const principalId = created ? created.principalId : pulumi.output(key.identity!.principalId);
    const clientId = created ? created.clientId : pulumi.output(key.identity!.clientId);
    const scope = (key.roleScope ?? "key") === "key" ? `${key.keyVaultId}/keys/${key.keyName}` : key.keyVaultId;
    const before: pulumi.Resource[] = [];
    if (key.assignRole ?? true) {
        const role = assignRole(
            `${name}-cmk-key-role`,
            {
                scope: pulumi.output(scope),
                principalId,
                principalType: "ServicePrincipal",
                role: KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER,
                description: `${KEY_VAULT_CRYPTO_SERVICE_ENCRYPTION_USER.name}: ${at.baseName} encrypts its data with the key ${key.keyName}`,
            },
            parent,
            created ? [created] : undefined,
        );
        before.push(role);
    } else if (created) before.push(created);
    return {
        identityId,
        clientId,
        principalId,
        vaultUri: keyVaultUri(vaultName),
        keyName: key.keyName,
        keyVersion: key.keyVersion,
        keyId: keyIdentifier(vaultName, key.keyName, key.keyVersion),
        before,
    };
}
