/**
 * Which vocabulary list (`infra/catalog/vocabulary.ts`) each public enum of `enums.ts` spells, checked at compile
 * time: an enum object whose values differ from its list's fails `tsc` with the enum's name. Internal: the tests
 * hold the component package schema's enums to these lists.
 */
import * as enums from "./enums";
import {
    CONTENT_FILTER_CATEGORIES,
    CONTENT_FILTER_MODES,
    CONTENT_FILTER_SEVERITIES,
    CONTENT_FILTER_SOURCES,
    CONTENT_SAFETY_STATUSES,
    FOUNDRY_DEPLOYMENT_SKUS,
    ISOLATION_MODES,
    NETWORK_BYPASS,
    NETWORK_DEFAULT_ACTIONS,
    ONLINE_ENDPOINT_AUTH_MODES,
    PRINCIPAL_TYPES,
    PRIVATE_DNS_MODES,
    PRIVATE_LINK_TARGETS,
    PUBLIC_NETWORK_ACCESS,
    SCALE_TYPES,
    SERVERLESS_AUTH_MODES,
    VERSION_UPGRADE_OPTIONS,
    WORKSPACE_KINDS,
    KEY_ROLE_SCOPES,
    OUTBOUND_RULE_TYPES,
    OUTBOUND_RULE_ACTIONS,
} from "../catalog/vocabulary";

/** Each public enum's list. */
export const ENUM_LISTS = {
    WorkspaceKind: WORKSPACE_KINDS,
    PublicNetworkAccess: PUBLIC_NETWORK_ACCESS,
    IsolationMode: ISOLATION_MODES,
    PrincipalType: PRINCIPAL_TYPES,
    ServerlessAuthMode: SERVERLESS_AUTH_MODES,
    ContentSafetyStatus: CONTENT_SAFETY_STATUSES,
    OnlineEndpointAuthMode: ONLINE_ENDPOINT_AUTH_MODES,
    ScaleType: SCALE_TYPES,
    FoundryDeploymentSku: FOUNDRY_DEPLOYMENT_SKUS,
    VersionUpgradeOption: VERSION_UPGRADE_OPTIONS,
    NetworkDefaultAction: NETWORK_DEFAULT_ACTIONS,
    NetworkBypass: NETWORK_BYPASS,
    ContentFilterCategory: CONTENT_FILTER_CATEGORIES,
    ContentFilterSource: CONTENT_FILTER_SOURCES,
    ContentFilterSeverity: CONTENT_FILTER_SEVERITIES,
    ContentFilterMode: CONTENT_FILTER_MODES,
    PrivateLinkTargetKind: PRIVATE_LINK_TARGETS,
    PrivateDnsMode: PRIVATE_DNS_MODES,
    KeyRoleScope: KEY_ROLE_SCOPES,
    OutboundRuleType: OUTBOUND_RULE_TYPES,
    OutboundRuleAction: OUTBOUND_RULE_ACTIONS,
} as const satisfies { [K in keyof typeof enums]: readonly string[] };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Lists = typeof ENUM_LISTS;
type Enums = typeof enums;

/** The enums whose values are not exactly their list's (never, or the check below fails naming them). */
export type EnumListMismatch = {
    [K in keyof Lists]: Same<Enums[K][keyof Enums[K]], Lists[K][number]> extends true ? never : K;
}[keyof Lists];

/** Fails to compile while an enum and its list differ: the error names the enum. */
export const ENUM_LISTS_MATCH: [EnumListMismatch] extends [never] ? true : EnumListMismatch = true;
