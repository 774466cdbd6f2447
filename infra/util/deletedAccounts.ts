/**
 * Soft-deleted Cognitive Services / Foundry accounts, as `GET /subscriptions/{sub}/providers/
 * Microsoft.CognitiveServices/deletedAccounts` (DeletedAccounts_List, 2025-06-01) lists them: a deleted account stays
 * 48 hours and keeps its name and subdomain, so creating an account of that name fails until it is restored
 * (`properties.restore: true`) or purged (`DELETE .../locations/{location}/resourceGroups/{rg}/deletedAccounts/{name}`).
 * Pure functions over the list's items, shared by the preflight and whatever restores or purges accounts; the HTTP
 * call is the caller's.
 */
import { ARM_READ_API_VERSIONS, ARM_READ_PATHS } from "../catalog/armReads";

export interface DeletedAccount {
    name: string;
    resourceGroup: string;
    location: string;
    /** ISO date-time Azure purges it, when it says. */
    scheduledPurgeDate?: string;
    /** ARM id of the deleted account (the purge URL's path). */
    id: string;
}

/** Path and query of the list, for a subscription. */
export function deletedAccountsRequest(subscriptionId: string): { path: string; query: Record<string, string> } {
    return {
        path: `/subscriptions/${subscriptionId}${ARM_READ_PATHS.deletedAccounts()}`,
        query: { "api-version": ARM_READ_API_VERSIONS.cognitiveServices },
    };
}

/** The list's items (the spec's Account), read: name, resource group (from the id), location, purge date. */
export function readDeletedAccounts(items: readonly unknown[]): DeletedAccount[] {
    return items.flatMap((raw) => {
        const d = raw as {
            id?: unknown;
            name?: unknown;
            location?: unknown;
            properties?: { scheduledPurgeDate?: unknown };
        };
        if (typeof d?.name !== "string" || typeof d.id !== "string") return [];
        const rg = /\/resourceGroups\/([^/]+)/i.exec(d.id)?.[1] ?? "";
        const location = typeof d.location === "string" ? d.location : (/\/locations\/([^/]+)/i.exec(d.id)?.[1] ?? "");
        const purge = d.properties?.scheduledPurgeDate;
        return [
            {
                name: d.name,
                resourceGroup: rg,
                location,
                id: d.id,
                ...(typeof purge === "string" ? { scheduledPurgeDate: purge } : {}),
            },
        ];
    });
}

/** The soft-deleted account that holds a name (names compare without case, as Azure's do), if any. */
export function deletedAccountHolding(deleted: readonly DeletedAccount[], name: string): DeletedAccount | undefined {
    return deleted.find((d) => d.name.toLowerCase() === name.toLowerCase());
}
