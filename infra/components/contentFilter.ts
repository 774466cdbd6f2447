import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as pulumi from "@pulumi/pulumi";
import { DEFAULT_RAI_POLICY } from "../catalog";
import { CONTENT_FILTER_SOURCES } from "../catalog/vocabulary";
import { CONTENT_FILTER_ARGS } from "../config/args";
import { checkContentFilterRules } from "../config/validateFoundry";
import { catalogErrors, logCatalogWarnings } from "./argProblems";
import { checkArgs } from "./checkArgs";
import type { ContentFilterCategory, ContentFilterMode, ContentFilterSeverity, ContentFilterSource } from "./enums";

/** One rule of a content filter. */
export interface ContentFilterRule {
    /** The category: Hate, Sexual, Violence and Selfharm take a severity; Jailbreak and the others are on or off. */
    category: ContentFilterCategory;
    /** Filter the prompt or the completion. */
    source: ContentFilterSource;
    /** Lowest severity that is filtered (harm categories only). @default - none; required for a harm category */
    severityThreshold?: ContentFilterSeverity;
    /** Block what the rule catches (otherwise annotate only). @default true */
    blocking?: boolean;
    /** Whether the rule is on. @default true */
    enabled?: boolean;
}

/** A custom blocklist a content filter applies. */
export interface ContentFilterBlocklistRef {
    /** The blocklist's name: a `ContentFilterBlocklist`'s `blocklistName` (its output makes the filter wait for it). */
    name: pulumi.Input<string>;
    /** Block what it matches (otherwise annotate only). @default true */
    blocking?: boolean;
    /** Apply it to the prompt or the completion. @default - both: one entry for each */
    source?: ContentFilterSource;
}

/** Arguments of `ContentFilter`. */
export interface ContentFilterArgs {
    /** Resource group of the Foundry account. */
    resourceGroupName: pulumi.Input<string>;
    /** Name of the Foundry account. */
    accountName: pulumi.Input<string>;
    /** Filter name, which deployments give as their content filter (`raiPolicyName`). */
    filterName: string;
    /** Policy the filter starts from. @default "Microsoft.DefaultV2" */
    basePolicyName?: string;
    /** How the filter runs relative to streaming. @default "Default" */
    mode?: ContentFilterMode;
    /** The rules, at least one. */
    filters: ContentFilterRule[];
    /** Custom blocklists the filter applies (`properties.customBlocklists`). @default - none */
    blocklists?: ContentFilterBlocklistRef[];
}

/**
 * A custom content filter of a Foundry account (`accounts/raiPolicies`): severity thresholds per harm category and
 * source, and prompt shields. A deployment uses it by name (`FoundryModelDeployment`'s `raiPolicyName`).
 */
export class ContentFilter extends pulumi.ComponentResource {
    /** Filter (RaiPolicy) name, what a deployment's `raiPolicyName` takes. */
    public readonly raiPolicyName: pulumi.Output<string>;
    /** ARM id of the filter. */
    public readonly raiPolicyId: pulumi.Output<string>;

    constructor(name: string, args: ContentFilterArgs, opts?: pulumi.ComponentResourceOptions) {
        // Unknown categories are the field rules' to report.
        const rules = Array.isArray(args.filters) ? checkContentFilterRules(args.filters, false) : [];
        const extra = rules.map((p) => ({ ...p, property: ["filters", ...p.property] }));
        checkArgs("ContentFilter", name, args, CONTENT_FILTER_ARGS, catalogErrors(extra));
        super("azure-ai-models:index:ContentFilter", name, {}, opts);
        logCatalogWarnings(extra, this);
        const policy = new cognitiveservices.RaiPolicy(
            `${name}-policy`,
            {
                accountName: args.accountName,
                resourceGroupName: args.resourceGroupName,
                raiPolicyName: args.filterName,
                properties: {
                    basePolicyName: args.basePolicyName ?? DEFAULT_RAI_POLICY.name,
                    mode: args.mode ?? "Default",
                    contentFilters: args.filters.map((f) => ({
                        name: f.category,
                        source: f.source,
                        ...(f.severityThreshold ? { severityThreshold: f.severityThreshold } : {}),
                        blocking: f.blocking ?? true,
                        enabled: f.enabled ?? true,
                    })),
                    ...(args.blocklists?.length ? { customBlocklists: customBlocklists(args.blocklists) } : {}),
                },
            },
            // The component's dependsOn (the account's previous write) must hold for the child that PUTs.
            { parent: this, dependsOn: opts?.dependsOn },
        );
        this.raiPolicyName = policy.name;
        this.raiPolicyId = policy.id;
        this.registerOutputs({ raiPolicyName: this.raiPolicyName, raiPolicyId: this.raiPolicyId });
    }
}

/** `properties.customBlocklists`: one entry per list and source (both sources when none is given). */
function customBlocklists(refs: readonly ContentFilterBlocklistRef[]) {
    return refs.flatMap((b) =>
        (b.source ? [b.source] : CONTENT_FILTER_SOURCES).map((source) => ({
            blocklistName: b.name,
            blocking: b.blocking ?? true,
            source,
        })),
    );
}
