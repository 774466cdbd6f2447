/**
 * Rule (encryption, advisory; judges only where the policy config sets `required`): Foundry accounts and hubs /
 * workspaces encrypt their data with a customer-managed key. An account (API 2025-06-01) sets
 * `properties.encryption.keySource: Microsoft.KeyVault` (the spec's default once `encryption` is given) with
 * `keyVaultProperties.keyVaultUri` and `keyName`; `Microsoft.CognitiveServices` or no `encryption` means
 * Microsoft-managed keys. A workspace (API 2025-12-01, flattened by azure-native) sets `encryption.status: Enabled`
 * with its `keyVaultProperties`. Projects use their hub's encryption and are not judged. Values unknown during a
 * preview are not judged.
 */
import { describe } from "../lib/azure";
import {
    accountKindsOption,
    exemptResourcesOption,
    networkSubject,
    requiredOption,
    type NetworkSubject,
} from "../lib/network";
import { defineResourceRule, matchesAnyGlob } from "../lib/rule";
import { read } from "../lib/unknown";

export interface CustomerManagedKeyConfig {
    required: boolean;
    accountKinds: string[];
    exemptResources: string[];
}

const NAME = "customer-managed-key";

/** What is missing for a customer-managed key, or undefined when the key is set (or cannot be judged). */
function missing(subject: NetworkSubject): string | undefined {
    const props = subject.resource.props;
    const base = subject.what === "account" ? "properties.encryption" : "encryption";
    const encryption = read(props, base);
    if (encryption.state === "unknown") return undefined;
    if (encryption.state === "absent") return `leaves ${base} unset (Microsoft-managed keys)`;
    if (subject.what === "account") {
        const source = read(props, `${base}.keySource`);
        if (source.state === "unknown") return undefined;
        if (source.state === "known" && String(source.value).toLowerCase() !== "microsoft.keyvault")
            return `sets ${base}.keySource to "${String(source.value)}" (Microsoft-managed keys)`;
    } else {
        const status = read(props, `${base}.status`);
        if (status.state === "unknown") return undefined;
        if (status.state !== "known" || String(status.value).toLowerCase() !== "enabled")
            return status.state === "known"
                ? `sets ${base}.status to "${String(status.value)}"`
                : `leaves ${base}.status unset`;
    }
    const keyPaths = subject.what === "account" ? ["keyVaultUri", "keyName"] : ["keyVaultArmId", "keyIdentifier"];
    for (const key of keyPaths) {
        const value = read(props, `${base}.keyVaultProperties.${key}`);
        if (value.state === "unknown") return undefined;
        if (value.state === "absent" || value.value === "")
            return `leaves ${base}.keyVaultProperties.${key} unset (no key to encrypt with)`;
    }
    return undefined;
}

export const customerManagedKey = defineResourceRule<CustomerManagedKeyConfig>({
    name: NAME,
    description:
        "Where required, Foundry accounts and hubs / workspaces encrypt with a customer-managed key in Key Vault.",
    enforcementLevel: "advisory",
    severity: "medium",
    configSchema: {
        properties: {
            required: requiredOption(
                "Customer-managed keys are required: judge accounts and workspaces (nothing is judged otherwise).",
            ),
            accountKinds: accountKindsOption(),
            exemptResources: exemptResourcesOption(),
        },
    },
    remediationSteps:
        'Foundry account: set properties.encryption to { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri, keyName, identityClientId } }. Workspace: set encryption to { status: "Enabled", keyVaultProperties: { keyVaultArmId, keyIdentifier } }.',
    check: (resource, config) => {
        if (!config.required) return [];
        const subject = networkSubject(resource, config.accountKinds);
        if (!subject || matchesAnyGlob(resource.name, config.exemptResources)) return [];
        const why = missing(subject);
        if (why === undefined) return [];
        const fix =
            subject.what === "account"
                ? 'Set properties.encryption to { keySource: "Microsoft.KeyVault", keyVaultProperties: { keyVaultUri, keyName, identityClientId } } with a user-assigned identity that holds the Key Vault Crypto Service Encryption User role on the key'
                : 'Set encryption to { status: "Enabled", keyVaultProperties: { keyVaultArmId, keyIdentifier } } with an identity that may use the key';
        return [
            `${describe(resource)} (kind ${subject.kind}) ${why}, but the policy config requires customer-managed keys. ${fix}, or list it in the ${NAME} config (exemptResources).`,
        ];
    },
});
