/**
 * The `azure-ai-models:foundry` section: a Foundry resource (Cognitive Services account of kind `AIServices`), its
 * projects, custom content filters, model deployments and the principals that may call them with Entra ID.
 *
 * ```yaml
 * azure-ai-models:foundry:
 *   name: aimodels
 *   location: swedencentral
 *   projects: [{ name: chat }]
 *   contentFilters: [{ name: strict, filters: [{ category: Hate, source: Prompt, severityThreshold: Low }] }]
 *   deployments: [{ name: mistral-large, model: Mistral-Large-3, sku: GlobalStandard, capacity: 50, contentFilter: strict }]
 *   principals: [{ principalId: 00000000-0000-0000-0000-000000000001 }]
 * ```
 */
import { z } from "zod";
import { DEFAULT_RAI_POLICY, FOUNDRY_BLOCKLIST_LIMITS, NAME_RULES } from "../catalog";
import { IP_RULE_ALLOWED, IP_RULE_LIMITS, ipRuleProblem } from "../catalog/ipRules";
import { baseName, region, resourceGroupChoice, tags } from "./fields";
import { encryptionSchema } from "./encryptionSchema";
import { networkSchema } from "./networkSchema";
import { FQDN } from "./outboundSchema";
import { principalSchema } from "./principal";
import { choice } from "../catalog/choice";
import {
    CONTENT_FILTER_CATEGORIES,
    CONTENT_FILTER_MODES,
    CONTENT_FILTER_SEVERITIES,
    CONTENT_FILTER_SOURCES,
    FOUNDRY_DEPLOYMENT_SKUS,
    NETWORK_BYPASS,
    NETWORK_DEFAULT_ACTIONS,
    PUBLIC_NETWORK_ACCESS,
    VERSION_UPGRADE_OPTIONS,
} from "../catalog/vocabulary";

/** A custom subdomain given as is (a DNS label): 2-64 lowercase letters, digits and dashes, no dash at either end. */
export const CUSTOM_SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])$/;
export const SUBDOMAIN_RULE = "2-64 lowercase letters, digits and '-', starting and ending with a letter or digit";
/** Project and content-filter names: the catalog's name rules (`NAME_RULES.foundryProject`, `contentFilter`). */
export const FOUNDRY_CHILD_NAME = NAME_RULES.foundryProject.pattern;
const CONTENT_FILTER_NAME = NAME_RULES.contentFilter.pattern;
export const CHILD_NAME_RULE = `${NAME_RULES.foundryProject.min}-${NAME_RULES.foundryProject.max} characters: ${NAME_RULES.foundryProject.characters}`;
/** Deployment names: the catalog's `NAME_RULES.foundryDeployment`. */
export const FOUNDRY_DEPLOYMENT_NAME = NAME_RULES.foundryDeployment.pattern;
const IPV4_FORM = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;
const SUBNET_ID =
    /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.Network\/virtualNetworks\/[^/]+\/subnets\/[^/]+$/i;

export const foundryProjectSchema = z.strictObject({
    name: z.string().regex(FOUNDRY_CHILD_NAME, CHILD_NAME_RULE),
    displayName: z.string().max(256).optional(),
    description: z.string().max(1024).optional(),
    tags: tags.optional(),
});

export const contentFilterRuleSchema = z.strictObject({
    /** Harm category (Hate, Sexual, Violence, Selfharm take a severity) or a switch (Jailbreak, Protected Material ...). */
    category: choice(CONTENT_FILTER_CATEGORIES),
    /** Filter the prompt or the completion. */
    source: choice(CONTENT_FILTER_SOURCES),
    /** Lowest severity that is filtered (severity categories only). */
    severityThreshold: choice(CONTENT_FILTER_SEVERITIES).optional(),
    /** @default true */
    blocking: z.boolean().default(true),
    /** @default true */
    enabled: z.boolean().default(true),
});

/** One term of a blocklist: an exact phrase or a regular expression. */
export const blocklistItemSchema = z.strictObject({
    /** Item name, unique in its list. @default - `item-<n>`, its position from 1 */
    name: z.string().regex(CONTENT_FILTER_NAME, CHILD_NAME_RULE).optional(),
    /** The term, at most 1,000 characters (Microsoft's limit). */
    pattern: z.string().min(1).max(FOUNDRY_BLOCKLIST_LIMITS.patternLength),
    /** `pattern` is a regular expression. @default false */
    isRegex: z.boolean().default(false),
});

/** A custom blocklist of the account, which content filters attach (`blocklists[]` of a filter). */
export const blocklistSchema = z.strictObject({
    /** Blocklist name, which a content filter's `blocklists[].name` gives. */
    name: z.string().regex(CONTENT_FILTER_NAME, CHILD_NAME_RULE),
    description: z.string().max(1024).optional(),
    /** The terms, 1 to 10,000 (Microsoft's limit per list). */
    items: z.array(blocklistItemSchema).min(1).max(FOUNDRY_BLOCKLIST_LIMITS.itemsPerList),
});

/** A blocklist a content filter applies. */
export const contentFilterBlocklistSchema = z.strictObject({
    /** A `foundry.blocklists[].name`. */
    name: z.string().min(1),
    /** Block what it matches (otherwise annotate only). @default true */
    blocking: z.boolean().default(true),
    /** Apply it to the prompt or the completion. @default - both: the filter gets one entry for each */
    source: choice(CONTENT_FILTER_SOURCES).optional(),
});

export const contentFilterSchema = z.strictObject({
    /** Name deployments give as `contentFilter` (the RaiPolicy name). */
    name: z.string().regex(CONTENT_FILTER_NAME, CHILD_NAME_RULE),
    /** Policy the filter starts from. @default "Microsoft.DefaultV2" */
    basePolicy: z.string().min(1).default(DEFAULT_RAI_POLICY.name),
    /** @default "Default" */
    mode: choice(CONTENT_FILTER_MODES).default("Default"),
    filters: z.array(contentFilterRuleSchema).min(1),
    /** Custom blocklists of `foundry.blocklists` the filter applies. @default [] */
    blocklists: z.array(contentFilterBlocklistSchema).default([]),
});

export const foundryDeploymentSchema = z.strictObject({
    /** Deployment name: what clients send as `model`. Unique per account. */
    name: z.string().regex(FOUNDRY_DEPLOYMENT_NAME, CHILD_NAME_RULE),
    /**
     * A catalog model's name or alias (see the catalog's Foundry table); with `format`, the model's name as Azure
     * spells it, in the catalog or not.
     */
    model: z.string().min(1),
    /**
     * The model's format (its publisher as the deployment API names it: `OpenAI`, `Cohere`, `Mistral AI`), to deploy
     * a model outside the catalog by format, name and version. @default - the catalog's, found by `model`
     */
    format: z.string().min(1).optional(),
    /** Model version; required with `format` for a model outside the catalog. @default - the catalog's version */
    version: z
        .string()
        .regex(/^[0-9A-Za-z.-]+$/, "a model version such as 1")
        .optional(),
    /** Deployment type. */
    sku: choice(FOUNDRY_DEPLOYMENT_SKUS),
    /** Capacity units (1,000 tokens per minute each for standard SKUs). */
    capacity: z.number().int().min(1).max(100_000),
    /** A custom filter of `contentFilters`, or a Microsoft policy. @default "Microsoft.DefaultV2" */
    contentFilter: z.string().min(1).optional(),
    /** @default - Azure's (OnceNewDefaultVersionAvailable) */
    versionUpgradeOption: choice(VERSION_UPGRADE_OPTIONS).optional(),
    /**
     * Spillover (provisioned SKUs, Azure OpenAI models): the name of a standard deployment of the same model and
     * version on this account, listed before this one, that takes the requests this one cannot serve.
     * @default - none
     */
    spilloverTo: z.string().regex(FOUNDRY_DEPLOYMENT_NAME, CHILD_NAME_RULE).optional(),
    /** Deploy even though the model is retired. @default false */
    acceptRetired: z.boolean().default(false),
    /** How long Pulumi waits for the deployment's create, update or delete. @default - the provider's default */
    timeoutMinutes: z.number().int().min(1).max(1440).optional(),
    tags: tags.optional(),
});

export const foundrySchema = z.strictObject({
    // The account name `<name>-<suffix>` (also its custom subdomain) and `log-<name>` follow their Azure rules.
    name: baseName("foundryAccount", "workspaceResourceGroup"),
    location: region("swedencentral"),
    /** Use this subdomain as is instead of `<name>-<suffix>`. */
    customSubDomain: z.string().regex(CUSTOM_SUBDOMAIN, SUBDOMAIN_RULE).optional(),
    /** @default - a new resource group `rg-<name>`; with a name, `existing` says whether it exists or the stack creates it */
    resourceGroup: resourceGroupChoice().optional(),
    /** @default "Disabled" */
    publicNetworkAccess: choice(PUBLIC_NETWORK_ACCESS).default("Disabled"),
    /** Keys off: clients use Entra ID. @default true */
    disableLocalAuth: z.boolean().default(true),
    networkAcls: z
        .strictObject({
            /** @default "Deny" */
            defaultAction: choice(NETWORK_DEFAULT_ACTIONS).default("Deny"),
            /** @default "AzureServices" */
            bypass: choice(NETWORK_BYPASS).default("AzureServices"),
            /** Public IPv4 addresses or CIDR ranges, at most `IP_RULE_LIMITS.maxRules` (catalog, with its source). */
            ipRules: z
                .array(
                    // The form for editors (JSON Schema); then what Azure refuses of well-formed values.
                    z
                        .string()
                        .regex(IPV4_FORM, "an IPv4 address or CIDR range")
                        .superRefine((value, ctx) => {
                            if (!IPV4_FORM.test(value)) return;
                            const problem = ipRuleProblem(value);
                            if (problem)
                                ctx.addIssue({
                                    code: "custom",
                                    input: value,
                                    message: `${problem}; expected ${IP_RULE_ALLOWED}`,
                                });
                        }),
                )
                .superRefine((rules, ctx) => {
                    if (rules.length > IP_RULE_LIMITS.maxRules)
                        ctx.addIssue({
                            code: "custom",
                            input: `${rules.length} rules`,
                            message: `has ${rules.length} IP rules: Azure allows at most ${IP_RULE_LIMITS.maxRules} per account (use wider ranges, or virtual network rules or private endpoints)`,
                        });
                })
                .default([]),
            virtualNetworkRules: z.array(z.string().regex(SUBNET_ID, "a subnet ARM id")).default([]),
        })
        .optional(),
    /** Recover the soft-deleted account of the same name instead of creating one. @default false */
    restore: z.boolean().default(false),
    /** Purge the account's soft-deleted copy when it is destroyed or replaced. @default false */
    purgeOnDestroy: z.boolean().default(false),
    /** Private endpoints and DNS (docs/networking.md). @default - none: the account must be open, or say access is managed elsewhere */
    network: networkSchema.optional(),
    /**
     * Block the account's own outbound calls except to `allowedFqdnList` (as Azure Verified Modules do by default).
     * @default true
     */
    restrictOutboundNetworkAccess: z.boolean().default(true),
    /** Host names the account may call while outbound access is restricted. @default [] */
    allowedFqdnList: z.array(z.string().regex(FQDN, "a host name such as example.blob.core.windows.net")).default([]),
    /** A customer-managed key (docs/networking.md). @default - none: Microsoft-managed keys */
    encryption: encryptionSchema.optional(),
    /** Log Analytics retention of the account's diagnostic logs. @default 30 */
    logRetentionDays: z.number().int().min(30).max(730).default(30),
    tags: tags.optional(),
    /** @default [] */
    projects: z.array(foundryProjectSchema).default([]),
    /** Custom blocklists (terms or regular expressions) content filters apply. @default [] */
    blocklists: z.array(blocklistSchema).default([]),
    /** @default [] */
    contentFilters: z.array(contentFilterSchema).default([]),
    /** @default [] */
    deployments: z.array(foundryDeploymentSchema).default([]),
    /** Principals that get the Foundry User role on the account. @default [] */
    principals: z.array(principalSchema).default([]),
});

export type FoundryConfig = z.output<typeof foundrySchema>;
export type FoundryDeploymentConfig = z.output<typeof foundryDeploymentSchema>;
export type FoundryProjectConfig = z.output<typeof foundryProjectSchema>;
export type ContentFilterConfig = z.output<typeof contentFilterSchema>;
export type ContentFilterRuleConfig = z.output<typeof contentFilterRuleSchema>;
export type BlocklistConfig = z.output<typeof blocklistSchema>;
