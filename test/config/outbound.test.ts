/**
 * The hub's managed network outbound rules and the customer-managed key block in the stack config: each rule gives
 * the fields of its type and no others, FQDN and ServiceTag rules need AllowOnlyApprovedOutbound, names are unique,
 * a workspace without a managed network takes no rules; each problem with its config path, all at once.
 */
import { describe, expect, it } from "vitest";
import { validateStackConfig } from "../../infra/config";

const TODAY = new Date("2026-11-21T00:00:00Z");
const SUB = "/subscriptions/00000000-0000-0000-0000-000000000000";
const STORAGE = `${SUB}/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/stdata`;
const VAULT = `${SUB}/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-aimodels`;

const hub = (extra: Record<string, unknown>) => ({
    workspace: {
        kind: "hub",
        name: "aimodels",
        location: "swedencentral",
        network: { accessManagedElsewhere: true },
        ...extra,
    },
});
const errorsOf = (raw: Record<string, unknown>) =>
    validateStackConfig(raw, { today: TODAY }).errors.map((e) => `${e.path}: ${e.message}`);
const RULES = "azure-ai-models:workspace.managedNetwork.outboundRules";

describe("workspace.managedNetwork.outboundRules", () => {
    it("takes one rule of each type with approved outbound, and keeps them in the validated config", () => {
        const r = validateStackConfig(
            hub({
                managedNetwork: {
                    outboundRules: [
                        { name: "pypi", type: "FQDN", fqdn: "*.pythonhosted.org" },
                        {
                            name: "data",
                            type: "PrivateEndpoint",
                            serviceResourceId: STORAGE,
                            subresourceTarget: "blob",
                        },
                        {
                            name: "adf",
                            type: "ServiceTag",
                            serviceTag: "DataFactory",
                            protocol: "TCP",
                            portRanges: "80, 8080",
                        },
                    ],
                },
            }),
            { today: TODAY },
        );
        expect(r.errors).toEqual([]);
        expect(r.config?.workspace?.managedNetwork.isolationMode).toBe("AllowOnlyApprovedOutbound");
        expect(r.config?.workspace?.managedNetwork.outboundRules.map((x) => x.name)).toEqual(["pypi", "data", "adf"]);
    });

    it("names each missing, foreign and repeated field, and the rule types the mode refuses, all at once", () => {
        expect(
            errorsOf(
                hub({
                    managedNetwork: {
                        isolationMode: "AllowInternetOutbound",
                        outboundRules: [
                            { name: "pypi", type: "FQDN", fqdn: "pypi.org", serviceTag: "Storage" },
                            { name: "PyPI", type: "PrivateEndpoint", serviceResourceId: STORAGE },
                            {
                                name: "tag",
                                type: "ServiceTag",
                                serviceTag: "Storage",
                                protocol: "TCP",
                                portRanges: "all",
                            },
                        ],
                    },
                }),
            ),
        ).toEqual([
            `${RULES}[2].portRanges: "all" is not valid; expected ports such as 443, 80, 8080 or 1024-2048, or *`,
            `${RULES}[0].serviceTag: "Storage" is not a field of a FQDN rule; it takes fqdn`,
            `${RULES}[0].type: "FQDN" rules are valid only with isolationMode AllowOnlyApprovedOutbound (the mode is "AllowInternetOutbound", which allows every destination already); use a PrivateEndpoint rule, or change the mode`,
            `${RULES}[1].name: "PyPI" is the name of outboundRules[0] too: rule names are unique`,
            `${RULES}[1].subresourceTarget: is required for a PrivateEndpoint rule`,
            `${RULES}[2].type: "ServiceTag" rules are valid only with isolationMode AllowOnlyApprovedOutbound (the mode is "AllowInternetOutbound", which allows every destination already); use a PrivateEndpoint rule, or change the mode`,
        ]);
    });

    it("refuses rules on a workspace without a managed network", () => {
        expect(
            errorsOf(
                hub({
                    managedNetwork: {
                        isolationMode: "Disabled",
                        outboundRules: [{ name: "pypi", type: "FQDN", fqdn: "pypi.org" }],
                    },
                }),
            ),
        ).toEqual([
            `${RULES}: has 1 rule(s), but isolationMode is "Disabled": a workspace without a managed network has no outbound rules; set isolationMode to AllowOnlyApprovedOutbound or AllowInternetOutbound, or remove them`,
        ]);
    });

    it("refuses an unknown rule type with the allowed ones", () => {
        expect(
            errorsOf(hub({ managedNetwork: { outboundRules: [{ name: "x", type: "Fqdn", fqdn: "pypi.org" }] } })),
        ).toEqual([`${RULES}[0].type: "Fqdn" is not allowed; allowed: FQDN, PrivateEndpoint, ServiceTag`]);
    });
});

describe("encryption", () => {
    it("refuses a key outside a vault and a misspelt key, with their paths, in both sections", () => {
        expect(
            errorsOf({
                ...hub({ encryption: { keyVaultId: STORAGE, keyName: "cmk" } }),
                foundry: {
                    name: "aimf",
                    location: "swedencentral",
                    network: { accessManagedElsewhere: true },
                    encryption: { keyVaultId: VAULT, keyName: "cmk", keyVerison: "1" },
                },
            }),
        ).toEqual([
            `azure-ai-models:workspace.encryption.keyVaultId: "${STORAGE}" is not valid; expected a key vault ARM id /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>`,
            `azure-ai-models:foundry.encryption.keyVerison: unknown key "keyVerison"; did you mean "keyVersion"? valid keys here: keyVaultId, keyName, keyVersion, identity, assignRole, roleScope`,
        ]);
    });
});
