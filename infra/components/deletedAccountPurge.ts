import * as pulumi from "@pulumi/pulumi";
import {
    deletedAccountPath,
    purgeDeletedAccount,
    type DeletedAccountRef,
    type PurgeOptions,
} from "../softDelete/purge";

/** Arguments of {@link DeletedAccountPurge}. */
export interface DeletedAccountPurgeArgs {
    /** Required. Subscription of the account. */
    subscriptionId: pulumi.Input<string>;
    /** Required. Region of the account, ARM form (`swedencentral`). */
    location: pulumi.Input<string>;
    /** Required. Resource group of the account. */
    resourceGroupName: pulumi.Input<string>;
    /** Required. Name of the account. */
    accountName: pulumi.Input<string>;
}

/**
 * Purges a Foundry account's soft-deleted copy when this resource is deleted. Creating it calls nothing: it only
 * remembers the account's coordinates. Make the account depend on it (`dependsOn`), so that on `pulumi destroy` (or
 * when the account is replaced) the account is deleted first, and this resource's delete then purges what Azure kept
 * for 48 hours, freeing the name and custom subdomain at once.
 *
 * It needs the `Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete` permission: the path
 * lies under the subscription (not the resource group), so a role on the resource group alone does not grant it.
 * A purged account cannot be recovered.
 */
export class DeletedAccountPurge extends pulumi.dynamic.Resource {
    declare public readonly subscriptionId: pulumi.Output<string>;
    declare public readonly location: pulumi.Output<string>;
    declare public readonly resourceGroupName: pulumi.Output<string>;
    declare public readonly accountName: pulumi.Output<string>;

    constructor(name: string, args: DeletedAccountPurgeArgs, opts?: pulumi.CustomResourceOptions) {
        super(
            deletedAccountPurgeProvider(),
            name,
            {
                subscriptionId: args.subscriptionId,
                location: args.location,
                resourceGroupName: args.resourceGroupName,
                accountName: args.accountName,
            },
            opts,
            undefined,
            "DeletedAccountPurge",
        );
    }
}

let sharedProvider: pulumi.dynamic.ResourceProvider<DeletedAccountRef, DeletedAccountRef> | undefined;

/**
 * The dynamic provider behind {@link DeletedAccountPurge}; `options` point it at another ARM (tests). Any change of
 * the coordinates replaces the resource, so the old account's deleted copy is purged and the new one remembered.
 */
export function deletedAccountPurgeProvider(
    options?: PurgeOptions,
): pulumi.dynamic.ResourceProvider<DeletedAccountRef, DeletedAccountRef> {
    if (options === undefined && sharedProvider !== undefined) return sharedProvider;
    const purgeOptions = options ?? {};
    const keys = ["subscriptionId", "location", "resourceGroupName", "accountName"] as const;
    const provider: pulumi.dynamic.ResourceProvider<DeletedAccountRef, DeletedAccountRef> = {
        async check(_olds, news) {
            const failures = keys
                .filter((k) => typeof news[k] !== "string" || news[k] === "")
                .map((property) => ({ property, reason: "is required: a non-empty string" }));
            return { inputs: news, failures };
        },
        async diff(_id, olds, news) {
            const replaces = keys.filter((k) => olds[k] !== news[k]);
            return { changes: replaces.length > 0, replaces, deleteBeforeReplace: false };
        },
        async create(inputs) {
            return { id: deletedAccountPath(inputs), outs: inputs };
        },
        async delete(_id, props) {
            await purgeDeletedAccount(props, purgeOptions);
        },
    };
    if (options === undefined) sharedProvider = provider;
    return provider;
}
