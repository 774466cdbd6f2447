/**
 * The string choices component args take, as named `as const` objects with a type of the same name: Pulumi's
 * component-provider schema analyzer turns these into schema enums (an inline union of literals it refuses).
 */

/** Kind of workspace: an AI hub that hosts projects, or a classic Azure Machine Learning workspace. */
export const WorkspaceKind = { Hub: "Hub", Default: "Default" } as const;
export type WorkspaceKind = (typeof WorkspaceKind)[keyof typeof WorkspaceKind];

/** Whether a resource is reachable from the public internet. */
export const PublicNetworkAccess = { Enabled: "Enabled", Disabled: "Disabled" } as const;
export type PublicNetworkAccess = (typeof PublicNetworkAccess)[keyof typeof PublicNetworkAccess];

/** Managed network isolation of a hub or workspace (projects inherit their hub's). */
export const IsolationMode = {
    Disabled: "Disabled",
    AllowInternetOutbound: "AllowInternetOutbound",
    AllowOnlyApprovedOutbound: "AllowOnlyApprovedOutbound",
} as const;
export type IsolationMode = (typeof IsolationMode)[keyof typeof IsolationMode];

/** Kind of principal a role is assigned to. */
export const PrincipalType = { User: "User", Group: "Group", ServicePrincipal: "ServicePrincipal" } as const;
export type PrincipalType = (typeof PrincipalType)[keyof typeof PrincipalType];

/** How clients authenticate to a serverless endpoint. */
export const ServerlessAuthMode = { Key: "Key", AAD: "AAD", KeyAndAAD: "KeyAndAAD" } as const;
export type ServerlessAuthMode = (typeof ServerlessAuthMode)[keyof typeof ServerlessAuthMode];

/** Azure AI Content Safety on a serverless endpoint. */
export const ContentSafetyStatus = { Enabled: "Enabled", Disabled: "Disabled" } as const;
export type ContentSafetyStatus = (typeof ContentSafetyStatus)[keyof typeof ContentSafetyStatus];

/** How clients authenticate to an online endpoint. */
export const OnlineEndpointAuthMode = { AADToken: "AADToken", Key: "Key", AMLToken: "AMLToken" } as const;
export type OnlineEndpointAuthMode = (typeof OnlineEndpointAuthMode)[keyof typeof OnlineEndpointAuthMode];

/** Fixed instance count, or autoscale by utilisation. */
export const ScaleType = { Default: "Default", TargetUtilization: "TargetUtilization" } as const;
export type ScaleType = (typeof ScaleType)[keyof typeof ScaleType];
