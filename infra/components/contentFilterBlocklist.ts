import * as cognitiveservices from "@pulumi/azure-native/cognitiveservices";
import * as pulumi from "@pulumi/pulumi";
import { BLOCKLIST_ARGS } from "../config/args";
import { blocklistItemName, checkBlocklistItems } from "../config/validateFoundry";
import { catalogErrors } from "./argProblems";
import { checkArgs } from "./checkArgs";

/** One term of a blocklist. */
export interface BlocklistItem {
    /** Item name, unique in the list. @default - `item-<n>`, its position from 1 */
    name?: string;
    /** The term (at most 1,000 characters): an exact phrase, or a regular expression with `isRegex`. */
    pattern: string;
    /** `pattern` is a regular expression. @default false */
    isRegex?: boolean;
}

/** The last write of each blocklist component (kept off the class: the provider publishes its fields as outputs). */
const LAST_WRITE = new WeakMap<object, pulumi.Resource>();

/** Arguments of `ContentFilterBlocklist`. */
export interface ContentFilterBlocklistArgs {
    /** Resource group of the Foundry account. */
    resourceGroupName: pulumi.Input<string>;
    /** Name of the Foundry account. */
    accountName: pulumi.Input<string>;
    /** Blocklist name, which a content filter's `blocklists[].name` gives. */
    blocklistName: string;
    /** @default - none */
    description?: string;
    /** The terms, 1 to 10,000. */
    items: BlocklistItem[];
}

/**
 * A custom blocklist of a Foundry account (`accounts/raiBlocklists`) with its terms (`raiBlocklistItems`), which a
 * `ContentFilter` applies by name (its `blocklists`). The list and its items are writes to the account: they are
 * created one after another, after the component's `dependsOn` (the account's previous write), and the filters that
 * use the list come after it.
 */
export class ContentFilterBlocklist extends pulumi.ComponentResource {
    /** Blocklist name, what a content filter's `blocklists[].name` takes. */
    public readonly blocklistName: pulumi.Output<string>;
    /** ARM id of the blocklist. */
    public readonly blocklistId: pulumi.Output<string>;

    constructor(name: string, args: ContentFilterBlocklistArgs, opts?: pulumi.ComponentResourceOptions) {
        const items = Array.isArray(args.items) ? checkBlocklistItems(args.items) : [];
        const extra = items.map((p) => ({ ...p, property: ["items", ...p.property] }));
        checkArgs("ContentFilterBlocklist", name, args, BLOCKLIST_ARGS, catalogErrors(extra));
        super("azure-ai-models:index:ContentFilterBlocklist", name, {}, opts);
        const onAccount = { accountName: args.accountName, resourceGroupName: args.resourceGroupName };
        const list = new cognitiveservices.RaiBlocklist(
            `${name}-blocklist`,
            {
                ...onAccount,
                raiBlocklistName: args.blocklistName,
                properties: args.description === undefined ? {} : { description: args.description },
            },
            // The component's dependsOn (the account's previous write) must hold for the child that PUTs.
            { parent: this, dependsOn: opts?.dependsOn },
        );
        // Each item is a write to the account too: one after another (409 otherwise).
        let last: pulumi.Resource = list;
        args.items.forEach((item, i) => {
            const itemName = blocklistItemName(item, i);
            last = new cognitiveservices.RaiBlocklistItem(
                `${name}-${itemName}`,
                {
                    ...onAccount,
                    raiBlocklistName: list.name,
                    raiBlocklistItemName: itemName,
                    properties: { pattern: item.pattern, isRegex: item.isRegex ?? false },
                },
                { parent: this, dependsOn: [last] },
            );
        });
        LAST_WRITE.set(this, last);
        this.blocklistName = list.name;
        this.blocklistId = list.id;
        this.registerOutputs({ blocklistName: this.blocklistName, blocklistId: this.blocklistId });
    }

    /** The last write this component makes to the account (its last item): the account's next write waits for it. */
    lastWrite(): pulumi.Resource {
        return LAST_WRITE.get(this)!;
    }
}
