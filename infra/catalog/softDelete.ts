/**
 * Soft delete of Foundry (Cognitive Services) accounts: what Azure keeps of a deleted account, and what frees it.
 */
import type { Source } from "./types";

/** A deleted account's name and custom subdomain stay taken this long, unless it is purged or restored. */
export const FOUNDRY_SOFT_DELETE = {
    /** Hours a deleted account stays soft-deleted (restorable, its name blocked). */
    retentionHours: 48,
    /** The RBAC action a purge needs; a Contributor role only grants it when assigned at the subscription. */
    purgePermission: "Microsoft.CognitiveServices/locations/resourceGroups/deletedAccounts/delete",
    source: {
        document:
            "MicrosoftDocs/azure-ai-docs articles/ai-services/recover-purge-resources.md @2b3c53aa (ms.date 10/02/2025); REST spec Microsoft.CognitiveServices stable/2025-06-01 DeletedAccounts_Purge and AccountProperties.restore (extract in test/restspec/spec)",
        date: "2026-12-06",
        note: "Provisioned deployments of a deleted account are charged until it is purged.",
    } satisfies Source,
} as const;
