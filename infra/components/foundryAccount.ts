import * as authorization from "@pulumi/azure-native/authorization";
import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as monitor from "@pulumi/azure-native/monitor";
import type * as operationalinsights from "@pulumi/azure-native/operationalinsights";
import * as pulumi from "@pulumi/pulumi";
import { FOUNDRY_ENDPOINTS, FOUNDRY_SOFT_DELETE, FOUNDRY_USER, normalizeRegion } from "../catalog";
import { FOUNDRY_ACCOUNT_ARGS } from "../config/args";
import { foundryPublicSide, unreachableArgProblem } from "../config/networkSchema";
import { AccountWriteChain } from "./accountWrites";
import { checkArgs } from "./checkArgs";
import { principalsArg, warnDeprecatedPrincipals } from "./principals";
import { keyAccess, type CustomerManagedKey, type KeyAccess } from "./customerManagedKey";
import { DeletedAccountPurge } from "./deletedAccountPurge";
import type { NetworkBypass, NetworkDefaultAction, PrincipalType, PublicNetworkAccess } from "./enums";
import { logAnalyticsWorkspace } from "./logAnalytics";
import { defaultResourceGroupName, foundryAccountName, randomSuffix } from "./names";
import { resourceGroupFor } from "./resourceGroup";
import { assignRole } from "./roleAssignment";

/** The write chain of each account (a method reads it: the component schema publishes fields as outputs). */
const WRITE_CHAINS = new WeakMap<FoundryAccount, AccountWriteChain>();

/** A principal that gets the Foundry User role (data-plane access with Entra ID) on the account. */
export interface FoundryUserPrincipal {
    /** Object id of the user, group or service principal. */
    principalId: string;
    /** Kind of principal: `User`, `Group` or `ServicePrincipal`. @default "User" */
    principalType?: PrincipalType;
}

/** Network rules of the account. */
export interface FoundryNetworkAcls {
    /** What happens to traffic no rule matches. @default "Deny" */
    defaultAction?: NetworkDefaultAction;
    /** Let trusted Azure services through. @default "AzureServices" */
    bypass?: NetworkBypass;
    /** IPv4 addresses or CIDR ranges allowed in. @default [] */
    ipRules?: string[];
    /** ARM ids of subnets allowed in. @default [] */
    virtualNetworkRules?: string[];
}

/** Arguments of `FoundryAccount`. */
export interface FoundryAccountArgs {
    /**
     * Base name (1-57 characters): a stable random suffix is appended, and `<accountName>-<suffix>` in lower case is
     * both the account name and its custom subdomain, which must be unique in all of Azure.
     */
    accountName: string;
    /** Azure region, e.g. `swedencentral`: it decides which models and SKUs the account can deploy. */
    location: string;
    /** Use this custom subdomain (and account name) as is, without a suffix. @default - `<accountName>-<suffix>` */
    customSubDomain?: string;
    /**
     * An existing resource group to put the account in: the component uses it and never creates or deletes it
     * (unless `createResourceGroup` is `true`).
     * @default - `rg-<accountName>`, created by the component
     */
    resourceGroupName?: pulumi.Input<string>;
    /**
     * Create the resource group `resourceGroupName` (or `rg-<accountName>`) as the component's child: destroying the
     * component deletes the group and everything in it.
     * @default - `true` without `resourceGroupName`, `false` with it (the named group is used as it is)
     */
    createResourceGroup?: boolean;
    /** Whether the account accepts traffic from the public internet. @default "Disabled" */
    publicNetworkAccess?: PublicNetworkAccess;
    /** Turn off key authentication: clients use Entra ID tokens. @default true */
    disableLocalAuth?: boolean;
    /** Network rules. @default - deny what no rule allows, let trusted Azure services through */
    networkAcls?: FoundryNetworkAcls;
    /**
     * The way in to an account closed to every client (`publicNetworkAccess` Disabled, or network rules that admit no
     * client) is made outside this component: private endpoints to it (a `PrivateAccess` with the account as a target,
     * after its last write, as the stack program creates them) or an endpoint another team manages. Without it, a
     * closed account is refused: nothing could call it. @default false
     */
    accessManagedElsewhere?: boolean;
    /** Log Analytics retention of the account's diagnostic logs, 30-730 days. @default 30 */
    logRetentionDays?: number;
    /**
     * Encrypt the account's data with a customer-managed key (`properties.encryption`, key source
     * `Microsoft.KeyVault`), read through a user-assigned identity that holds the Key Vault Crypto Service Encryption
     * User role before the account is created. Decided at creation: switching it on or off later replaces the account.
     * @default - Microsoft-managed keys
     */
    encryption?: CustomerManagedKey;
    /**
     * Block the account's own outbound calls except to `allowedFqdnList` (`properties.restrictOutboundNetworkAccess`).
     * @default true
     */
    restrictOutboundNetworkAccess?: boolean;
    /** Host names the account may call when outbound access is restricted. @default [] */
    allowedFqdnList?: string[];
    /** Principals that get the Foundry User role on the account. @default [] */
    principals?: FoundryUserPrincipal[];
    /**
     * Deprecated name of `principals` (a warning says so once; giving both is an error).
     * @deprecated Use `principals`.
     * @default - none: `principals` is used
     */
    foundryUsers?: FoundryUserPrincipal[];
    /**
     * Recover the soft-deleted account of the same name (deleted within 48 hours) instead of creating a new one
     * (`properties.restore`): without it, creating an account whose name is soft-deleted fails. @default false
     */
    restore?: boolean;
    /**
     * Purge the account's soft-deleted copy when the account is destroyed or replaced, so its name and subdomain are
     * free at once (a `DeletedAccountPurge` the account depends on). Needs
     * `Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete` at the subscription. A purged
     * account cannot be recovered. @default false
     */
    purgeOnDestroy?: boolean;
    /** Tags on every resource the component creates. @default - none */
    tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
}

/**
 * A Foundry resource: a Cognitive Services account of kind `AIServices` (sku S0) that hosts Foundry projects and model
 * deployments, with a system-assigned identity, a globally unique custom subdomain, local (key) auth off unless
 * asked, closed to the public network by default, its logs and metrics sent to a Log Analytics workspace, and the
 * Foundry User role for the given principals. Keys are outputs only when local auth is on, and then as secrets.
 */
export class FoundryAccount extends pulumi.ComponentResource {
    /** Account name (also its custom subdomain). */
    public readonly accountName: pulumi.Output<string>;
    /** ARM id of the account. */
    public readonly accountId: pulumi.Output<string>;
    /** Resource group that holds the account. */
    public readonly resourceGroupName: pulumi.Output<string>;
    /** Azure region of the account. */
    public readonly location: pulumi.Output<string>;
    /** Custom subdomain: the endpoints are `https://<customSubDomain>.openai.azure.com/` and `.services.ai.azure.com/`. */
    public readonly customSubDomain: pulumi.Output<string>;
    /** Foundry endpoint of the account, `https://<sub>.services.ai.azure.com/`. */
    public readonly endpoint: pulumi.Output<string>;
    /** OpenAI-compatible base URL, `https://<sub>.openai.azure.com/openai/v1/`. */
    public readonly openAiBaseUrl: pulumi.Output<string>;
    /** Scope of the Entra ID token clients send. */
    public readonly entraScope: pulumi.Output<string>;
    /** Object id of the account's system-assigned identity. */
    public readonly principalId: pulumi.Output<string>;
    /** ARM id of the Log Analytics workspace the diagnostics go to. */
    public readonly logAnalyticsWorkspaceId: pulumi.Output<string>;
    /** Whether key authentication is off. */
    public readonly localAuthDisabled: pulumi.Output<boolean>;
    /** First key (secret); only when local auth is on. */
    public readonly primaryKey: pulumi.Output<string | undefined>;
    /** Second key (secret); only when local auth is on. */
    public readonly secondaryKey: pulumi.Output<string | undefined>;

    constructor(name: string, args: FoundryAccountArgs, opts?: pulumi.ComponentResourceOptions) {
        const principals = principalsArg("FoundryAccount", { ...args }, "foundryUsers", FOUNDRY_USER.name);
        checkArgs("FoundryAccount", name, args, FOUNDRY_ACCOUNT_ARGS, [
            ...principals.problems,
            ...[unreachableArgProblem(foundryPublicSide(args), args.accessManagedElsewhere)].filter((p) => !!p),
        ]);
        super("azure-ai-models:index:FoundryAccount", name, {}, opts);
        warnDeprecatedPrincipals(principals, this);
        const disableLocalAuth = args.disableLocalAuth ?? true;
        const rg = this.resourceGroup(name, args);
        const subdomain = args.customSubDomain
            ? pulumi.output(args.customSubDomain)
            : randomSuffix(name, this).result.apply((s) => foundryAccountName(args.accountName, s));
        if (args.customSubDomain) void pulumi.log.warn(fixedSubdomainWarning(args), this);
        const purge = args.purgeOnDestroy ? this.purge(name, args, rg.name, subdomain) : undefined;
        const cmk = args.encryption
            ? keyAccess(
                  name,
                  args.encryption,
                  { location: args.location, tags: args.tags, baseName: args.accountName, resourceGroupName: rg.name },
                  this,
              )
            : undefined;

        const account = new cognitiveservices.Account(
            `${name}-account`,
            {
                accountName: subdomain,
                resourceGroupName: rg.name,
                location: args.location,
                kind: "AIServices",
                sku: { name: "S0" },
                identity: identityOf(cmk),
                properties: accountProperties(args, subdomain, cmk),
                tags: args.tags,
            },
            // A new subdomain means a new account, and so does switching customer-managed keys on or off or moving
            // them to another vault (Azure refuses both in place). The purge runs after the account's delete (it
            // depends on it); the key's role is in place before the account first reads the key.
            {
                parent: this,
                replaceOnChanges: [
                    "properties.customSubDomainName",
                    ...(cmk
                        ? ["properties.encryption.keySource", "properties.encryption.keyVaultProperties.keyVaultUri"]
                        : []),
                ],
                dependsOn: [...(purge ? [purge] : []), ...(cmk?.before ?? [])],
            },
        );

        // Every write to the account runs one after another (409 otherwise): see AccountWriteChain.
        const chain = new AccountWriteChain(account);
        WRITE_CHAINS.set(this, chain);
        const logs = this.diagnostics(name, args, account, rg.name);
        this.grantFoundryUsers(name, account, principals.list);

        this.accountName = account.name;
        this.accountId = account.id;
        this.resourceGroupName = rg.name;
        this.location = pulumi.output(args.location);
        this.customSubDomain = subdomain;
        this.endpoint = subdomain.apply(FOUNDRY_ENDPOINTS.services);
        this.openAiBaseUrl = subdomain.apply(FOUNDRY_ENDPOINTS.openAiV1);
        this.entraScope = pulumi.output(FOUNDRY_ENDPOINTS.entraScope);
        this.principalId = account.identity.apply((i) => i?.principalId ?? "");
        this.logAnalyticsWorkspaceId = logs.id;
        this.localAuthDisabled = pulumi.output(disableLocalAuth);
        if (disableLocalAuth) {
            this.primaryKey = pulumi.output<string | undefined>(undefined);
            this.secondaryKey = pulumi.output<string | undefined>(undefined);
        } else {
            const keys = cognitiveservices.listAccountKeysOutput(
                { accountName: account.name, resourceGroupName: rg.name },
                { parent: this },
            );
            // The SDK does not mark these as secret: wrap them before they leave the component.
            this.primaryKey = pulumi.secret(keys.apply((k) => k.key1));
            this.secondaryKey = pulumi.secret(keys.apply((k) => k.key2));
        }
        this.registerOutputs({
            accountName: this.accountName,
            accountId: this.accountId,
            endpoint: this.endpoint,
            openAiBaseUrl: this.openAiBaseUrl,
        });
    }

    /**
     * The account's writes, one after another: the diagnostic setting and the role assignments so far. Whatever writes
     * to the account next (a project, filter, blocklist, deployment, private endpoint) goes through
     * `writes().push(...)`, or takes `writes().after()` as its `dependsOn` to come after every write.
     */
    writes(): AccountWriteChain {
        return WRITE_CHAINS.get(this)!;
    }

    /** Purges the account's soft-deleted copy once the account (which depends on it) is deleted. */
    private purge(
        name: string,
        args: FoundryAccountArgs,
        resourceGroupName: pulumi.Output<string>,
        accountName: pulumi.Output<string>,
    ): DeletedAccountPurge {
        return new DeletedAccountPurge(
            `${name}-purge`,
            {
                subscriptionId: authorization.getClientConfigOutput({ parent: this }).subscriptionId,
                location: normalizeRegion(args.location),
                resourceGroupName,
                accountName,
            },
            { parent: this },
        );
    }

    /** A Log Analytics workspace and the diagnostic setting that sends the account's logs and metrics to it. */
    private diagnostics(
        name: string,
        args: FoundryAccountArgs,
        account: cognitiveservices.Account,
        resourceGroupName: pulumi.Output<string>,
    ): operationalinsights.Workspace {
        const logs = logAnalyticsWorkspace(
            name,
            {
                baseName: args.accountName,
                resourceGroupName,
                location: args.location,
                retentionInDays: args.logRetentionDays,
                tags: args.tags,
            },
            this,
        );
        const setting = new monitor.DiagnosticSetting(
            `${name}-diagnostics`,
            {
                name: "to-log-analytics",
                resourceUri: account.id,
                workspaceId: logs.id,
                logs: [{ categoryGroup: "allLogs", enabled: true }],
                metrics: [{ category: "AllMetrics", enabled: true }],
            },
            { parent: this, dependsOn: this.writes().after() },
        );
        this.writes().add("diagnostic setting", setting);
        return logs;
    }

    private resourceGroup(name: string, args: FoundryAccountArgs): { name: pulumi.Output<string> } {
        return resourceGroupFor(name, { ...args, defaultName: defaultResourceGroupName(args.accountName) }, this);
    }

    private grantFoundryUsers(name: string, account: cognitiveservices.Account, users: FoundryUserPrincipal[]): void {
        for (const principal of users) {
            const assignment = assignRole(
                `${name}-user-${principal.principalId}`,
                {
                    scope: account.id,
                    principalId: principal.principalId,
                    principalType: principal.principalType ?? "User",
                    role: FOUNDRY_USER,
                    description: `${FOUNDRY_USER.name}: call the models of this Foundry resource with Entra ID`,
                },
                this,
                this.writes().after(),
            );
            this.writes().add(`role assignment ${principal.principalId}`, assignment);
        }
    }
}

/** System-assigned, plus the key's user-assigned identity when there is a customer-managed key. */
function identityOf(cmk: KeyAccess | undefined) {
    return cmk
        ? { type: "SystemAssigned, UserAssigned" as const, userAssignedIdentities: [cmk.identityId] }
        : { type: "SystemAssigned" as const };
}

/** The account's `properties`: subdomain, auth, network, outbound, encryption. */
function accountProperties(args: FoundryAccountArgs, subdomain: pulumi.Output<string>, cmk: KeyAccess | undefined) {
    const restrictOutbound = args.restrictOutboundNetworkAccess ?? true;
    return {
        customSubDomainName: subdomain,
        allowProjectManagement: true,
        disableLocalAuth: args.disableLocalAuth ?? true,
        publicNetworkAccess: args.publicNetworkAccess ?? "Disabled",
        networkAcls: {
            defaultAction: args.networkAcls?.defaultAction ?? "Deny",
            bypass: args.networkAcls?.bypass ?? "AzureServices",
            ipRules: (args.networkAcls?.ipRules ?? []).map((value) => ({ value })),
            virtualNetworkRules: (args.networkAcls?.virtualNetworkRules ?? []).map((id) => ({ id })),
        },
        restrictOutboundNetworkAccess: restrictOutbound,
        ...(restrictOutbound ? { allowedFqdnList: args.allowedFqdnList ?? [] } : {}),
        ...(cmk ? { encryption: encryptionOf(cmk) } : {}),
        ...(args.restore ? { restore: true } : {}),
    };
}

/** `properties.encryption` of an account whose key is read through `cmk`'s user-assigned identity. */
function encryptionOf(cmk: KeyAccess) {
    return {
        keySource: "Microsoft.KeyVault",
        keyVaultProperties: {
            keyVaultUri: cmk.vaultUri,
            keyName: cmk.keyName,
            ...(cmk.keyVersion ? { keyVersion: cmk.keyVersion } : {}),
            identityClientId: cmk.clientId,
        },
    };
}

/** The warning for a fixed custom subdomain: a deleted account keeps it for 48 hours. */
export function fixedSubdomainWarning(
    args: Pick<FoundryAccountArgs, "customSubDomain" | "restore" | "purgeOnDestroy">,
): string {
    const hours = FOUNDRY_SOFT_DELETE.retentionHours;
    const handled = args.purgeOnDestroy
        ? "purgeOnDestroy purges it when the stack deletes the account"
        : args.restore
          ? "restore: true recovers a soft-deleted account of this name"
          : "set restore: true to recover it, or purgeOnDestroy: true to purge it on destroy";
    return `customSubDomain: "${args.customSubDomain}" is fixed: a deleted account keeps its name and subdomain soft-deleted for ${hours} hours, and creating the account again meanwhile fails (FlagMustBeSetForRestore); ${handled} (${FOUNDRY_SOFT_DELETE.source.document.split(";")[0]})`;
}
