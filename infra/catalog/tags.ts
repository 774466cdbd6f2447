/**
 * Azure's limits on resource tags, as Microsoft documents them (see {@link TAG_LIMITS}'s source). The reserved
 * prefixes `microsoft`, `azure` and `windows` are documented for predefined tag names (the subscription's
 * `tagNames` API, Tags_CreateOrUpdate), not for the tags on a resource, so the config does not refuse them.
 */
import { SOURCES } from "./sources";

export const TAG_LIMITS = {
    /** Tag name/value pairs on one resource, resource group or subscription. */
    maxPerResource: 50,
    /** Characters in a tag name. */
    nameMaxLength: 512,
    /** Characters in a tag name on a storage account. */
    storageAccountNameMaxLength: 128,
    /** Characters in a tag value. */
    valueMaxLength: 256,
    /** Characters a tag name may not contain. */
    nameForbidden: ["<", ">", "%", "&", "\\", "?", "/"],
    source: SOURCES.tagLimits,
} as const;
