/**
 * Customer-managed keys on the Foundry resource and the hub, constructed directly as a library user would: the
 * user-assigned identity (created or existing), the Key Vault Crypto Service Encryption User role on the key, the role
 * ordered before the account or workspace that reads the key (recorded `dependsOn`), the bodies Azure receives, and
 * the hub's managed network outbound rules. Mocks cannot prove that Azure accepts the key (vault soft delete, purge
 * protection, region) or that the role has propagated by the time the resource reads the key.
 */
import * as pulumi from "@pulumi/pulumi";
import { describe, expect, it } from "vitest";
import { AiWorkspace, FoundryAccount } from "../../infra/components";
import { captureProgram, type Capture } from "../../plan/run/capture";
import { byName, resourceSet } from "../helpers/stack";

const SUB = "00000000-0000-0000-0000-000000000000";
const VAULT = `/subscriptions/${SUB}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-aimodels`;
const IDENTITY = `/subscriptions/${SUB}/resourceGroups/rg-id/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-shared`;
const PRINCIPAL = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const CLIENT = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const CRYPTO_SERVICE_ENCRYPTION_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6";

function run(program: () => unknown): Promise<Capture> {
    return captureProgram(program, { project: "lib", stack: "test", preview: false });
}

describe("FoundryAccount with a customer-managed key", () => {
    it("creates the identity, grants it the key role, and creates the account after the role, versionless", async () => {
        const c = await run(() => {
            new FoundryAccount("aimf", {
                accountName: "aimf",
                location: "swedencentral",
                accessManagedElsewhere: true,
                encryption: { keyVaultId: VAULT, keyName: "cmk-foundry" },
            });
        });
        expect(c.error).toBeUndefined();
        expect(resourceSet(c)).toEqual(
            [
                "azure-ai-models:index:FoundryAccount aimf",
                "random:index/randomString:RandomString aimf-suffix",
                "azure-native:resources:ResourceGroup aimf-rg",
                "azure-native:managedidentity:UserAssignedIdentity aimf-cmk-identity",
                "azure-native:authorization:RoleAssignment aimf-cmk-key-role",
                "azure-native:cognitiveservices:Account aimf-account",
                "azure-native:operationalinsights:Workspace aimf-log",
                "azure-native:monitor:DiagnosticSetting aimf-diagnostics",
            ].sort(),
        );
        const identity = byName(c, "aimf-cmk-identity");
        expect(identity.inputs).toEqual({
            resourceName: "id-aimf-cmk",
            resourceGroupName: "rg-aimf",
            location: "swedencentral",
        });
        const role = byName(c, "aimf-cmk-key-role");
        expect(role.inputs).toMatchObject({
            scope: `${VAULT}/keys/cmk-foundry`,
            principalId: "id-aimf-cmk-principal",
            principalType: "ServicePrincipal",
            roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${CRYPTO_SERVICE_ENCRYPTION_USER}`,
        });
        const account = byName(c, "aimf-account");
        expect(account.inputs.identity).toEqual({
            type: "SystemAssigned, UserAssigned",
            userAssignedIdentities: [
                `/subscriptions/${SUB}/resourceGroups/rg-aimf/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-aimf-cmk`,
            ],
        });
        expect((account.inputs.properties as Record<string, unknown>).encryption).toEqual({
            keySource: "Microsoft.KeyVault",
            keyVaultProperties: {
                keyVaultUri: "https://kv-aimodels.vault.azure.net/",
                keyName: "cmk-foundry",
                identityClientId: "id-aimf-cmk-client",
            },
        });
        // The role before the account: Azure reads the key when it creates the account.
        expect(account.dependencies).toContain(role.urn);
        expect(role.dependencies).toContain(identity.urn);
    });

    it("uses an existing identity by id, pins a version, and grants the role on the vault", async () => {
        const c = await run(() => {
            new FoundryAccount("aimf", {
                accountName: "aimf",
                location: "swedencentral",
                accessManagedElsewhere: true,
                encryption: {
                    keyVaultId: VAULT,
                    keyName: "cmk-foundry",
                    keyVersion: "0123456789abcdef0123456789abcdef",
                    identity: { id: IDENTITY, principalId: PRINCIPAL, clientId: CLIENT },
                    roleScope: "vault",
                },
            });
        });
        expect(c.error).toBeUndefined();
        expect(resourceSet(c).filter((r) => r.includes("cmk"))).toEqual([
            "azure-native:authorization:RoleAssignment aimf-cmk-key-role",
        ]);
        const role = byName(c, "aimf-cmk-key-role");
        expect(role.inputs).toMatchObject({ scope: VAULT, principalId: PRINCIPAL, principalType: "ServicePrincipal" });
        const account = byName(c, "aimf-account");
        expect(account.inputs.identity).toEqual({
            type: "SystemAssigned, UserAssigned",
            userAssignedIdentities: [IDENTITY],
        });
        expect((account.inputs.properties as Record<string, unknown>).encryption).toEqual({
            keySource: "Microsoft.KeyVault",
            keyVaultProperties: {
                keyVaultUri: "https://kv-aimodels.vault.azure.net/",
                keyName: "cmk-foundry",
                keyVersion: "0123456789abcdef0123456789abcdef",
                identityClientId: CLIENT,
            },
        });
        expect(account.dependencies).toContain(role.urn);
    });

    it("assigns no role when told the vault's owners grant it, and still creates the account after its identity", async () => {
        const c = await run(() => {
            new FoundryAccount("aimf", {
                accountName: "aimf",
                location: "swedencentral",
                accessManagedElsewhere: true,
                encryption: { keyVaultId: VAULT, keyName: "cmk-foundry", assignRole: false },
            });
        });
        expect(c.error).toBeUndefined();
        expect(resourceSet(c).filter((r) => r.includes("cmk"))).toEqual([
            "azure-native:managedidentity:UserAssignedIdentity aimf-cmk-identity",
        ]);
        expect(byName(c, "aimf-account").dependencies).toContain(byName(c, "aimf-cmk-identity").urn);
    });

    it("restricts outbound access by default and sends the allowed host names", async () => {
        const c = await run(() => {
            new FoundryAccount("aimf", {
                accountName: "aimf",
                location: "swedencentral",
                accessManagedElsewhere: true,
                allowedFqdnList: ["stdata.blob.core.windows.net"],
            });
            new FoundryAccount("open", {
                accountName: "open",
                location: "swedencentral",
                accessManagedElsewhere: true,
                restrictOutboundNetworkAccess: false,
            });
        });
        expect(c.error).toBeUndefined();
        expect(byName(c, "aimf-account").inputs.properties).toMatchObject({
            restrictOutboundNetworkAccess: true,
            allowedFqdnList: ["stdata.blob.core.windows.net"],
        });
        const open = byName(c, "open-account").inputs.properties as Record<string, unknown>;
        expect(open.restrictOutboundNetworkAccess).toBe(false);
        expect(open).not.toHaveProperty("allowedFqdnList");
    });

    it("refuses a key that is not in a vault, a bad version and a bad identity, all at once, registering nothing", async () => {
        const c = await run(() => {
            new FoundryAccount("bad", {
                accountName: "bad",
                location: "swedencentral",
                accessManagedElsewhere: true,
                encryption: {
                    keyVaultId: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st",
                    keyName: "cmk_1",
                    keyVersion: "latest",
                    identity: { id: "id-shared", principalId: PRINCIPAL, clientId: "me" },
                },
                allowedFqdnList: ["https://example.com/"],
            });
        });
        expect(pulumi.InputPropertiesError.isInstance(c.error)).toBe(true);
        expect((c.error as Error).message).toBe(
            [
                "FoundryAccount bad: invalid arguments:",
                `encryption.keyVaultId: "/subscriptions/x/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st" is not valid; expected a key vault ARM id /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>`,
                `encryption.keyName: "cmk_1" is not valid; expected 1-127 letters, digits and '-'`,
                `encryption.keyVersion: "latest" is not valid; expected a key version: 32 hexadecimal characters`,
                `encryption.identity.id: "id-shared" is not valid; expected a user-assigned identity ARM id .../providers/Microsoft.ManagedIdentity/userAssignedIdentities/<name>`,
                `encryption.identity.clientId: "me" is not valid; expected a GUID`,
                `allowedFqdnList[0]: "https://example.com/" is not valid; expected a host name such as example.blob.core.windows.net`,
            ].join("\n"),
        );
        expect(resourceSet(c)).toEqual([]);
    });
});

describe("AiWorkspace with a customer-managed key and outbound rules", () => {
    it("encrypts the hub with the key through its identity, after the role, and sends the outbound rules", async () => {
        const c = await run(() => {
            new AiWorkspace("hub", {
                workspaceName: "hub",
                location: "swedencentral",
                accessManagedElsewhere: true,
                encryption: { keyVaultId: VAULT, keyName: "cmk-hub" },
                outboundRules: [
                    { name: "pypi", type: "FQDN", fqdn: "pypi.org" },
                    {
                        name: "data",
                        type: "PrivateEndpoint",
                        serviceResourceId: `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata`,
                        subresourceTarget: "blob",
                    },
                    { name: "adf", type: "ServiceTag", serviceTag: "DataFactory", protocol: "TCP", portRanges: "443" },
                ],
            });
        });
        expect(c.error).toBeUndefined();
        const identity = byName(c, "hub-cmk-identity");
        const role = byName(c, "hub-cmk-key-role");
        const ws = byName(c, "hub-ws");
        expect(identity.inputs).toMatchObject({ resourceName: "id-hub-cmk", location: "swedencentral" });
        expect(role.inputs).toMatchObject({ scope: `${VAULT}/keys/cmk-hub`, principalType: "ServicePrincipal" });
        const uai = `/subscriptions/${SUB}/resourceGroups/rg-hub/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-hub-cmk`;
        expect(ws.inputs.identity).toEqual({ type: "SystemAssigned,UserAssigned", userAssignedIdentities: [uai] });
        expect(ws.inputs.encryption).toEqual({
            status: "Enabled",
            keyVaultProperties: {
                keyVaultArmId: VAULT,
                keyIdentifier: "https://kv-aimodels.vault.azure.net/keys/cmk-hub",
            },
            identity: { userAssignedIdentity: uai },
        });
        expect(ws.inputs.managedNetwork).toEqual({
            enableNetworkMonitor: false, // azure-native's default
            isolationMode: "AllowOnlyApprovedOutbound",
            outboundRules: {
                pypi: { type: "FQDN", category: "UserDefined", destination: "pypi.org" },
                data: {
                    type: "PrivateEndpoint",
                    category: "UserDefined",
                    destination: {
                        serviceResourceId: `/subscriptions/${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata`,
                        subresourceTarget: "blob",
                        sparkEnabled: false,
                    },
                },
                adf: {
                    type: "ServiceTag",
                    category: "UserDefined",
                    destination: { serviceTag: "DataFactory", protocol: "TCP", portRanges: "443", action: "Allow" },
                },
            },
        });
        // Set at creation only: a change of the choice or the vault replaces the hub.
        expect(ws.options.replaceOnChanges).toEqual([
            "storageAccount",
            "keyVault",
            "encryption.status",
            "encryption.keyVaultProperties.keyVaultArmId",
        ]);
        expect(ws.dependencies).toContain(role.urn);
    });

    it("refuses a bad key and a bad rule name before registering anything", async () => {
        const c = await run(() => {
            new AiWorkspace("hub", {
                workspaceName: "hub",
                location: "swedencentral",
                accessManagedElsewhere: true,
                encryption: { keyVaultId: VAULT, keyName: "cmk-hub", roleScope: "subscription" as "key" },
                outboundRules: [{ name: "-x", type: "FQDN", fqdn: "pypi.org" }],
            });
        });
        expect(pulumi.InputPropertiesError.isInstance(c.error)).toBe(true);
        expect((c.error as Error).message).toBe(
            [
                "AiWorkspace hub: invalid arguments:",
                `outboundRules[0].name: "-x" is not valid; expected 1-63 letters, digits, '_' and '-', starting with a letter or digit`,
                `encryption.roleScope: "subscription" is not allowed; allowed: key, vault`,
            ].join("\n"),
        );
        expect(resourceSet(c)).toEqual([]);
    });
});
