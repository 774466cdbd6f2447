/**
 * `azure-ai-models/components`: the components a program builds, their argument and output types, and the choice
 * lists their arguments take. This file is the entry point's whole surface (checked against `api/components.api.md`);
 * anything else in `infra/components/` is internal.
 */
export * from "../components/enums";
export {
    AiWorkspace,
    type AiWorkspaceArgs,
    type AiDeveloperPrincipal,
    type ManagedOutboundRule,
} from "../components/aiWorkspace";
export { AiProject, type AiProjectArgs } from "../components/aiProject";
export {
    MarketplaceModelSubscription,
    type MarketplaceModelSubscriptionArgs,
    type MarketplacePlan,
} from "../components/marketplaceModelSubscription";
export {
    ServerlessModelEndpoint,
    routeName,
    type ServerlessModelEndpointArgs,
    type EndpointRoute,
} from "../components/serverlessModelEndpoint";
export type { WorkspaceRefArgs } from "../components/workspaceRef";
export {
    ManagedOnlineEndpoint,
    type ManagedOnlineEndpointArgs,
    type EndpointAuthorization,
} from "../components/managedOnlineEndpoint";
export {
    ManagedModelDeployment,
    type ManagedModelDeploymentArgs,
    type ProbeArgs,
} from "../components/managedModelDeployment";
export {
    EndpointTraffic,
    type EndpointTrafficArgs,
    type EndpointTrafficInputs,
    type EndpointTrafficOutputs,
} from "../components/endpointTraffic";
export {
    FoundryAccount,
    type FoundryAccountArgs,
    type FoundryNetworkAcls,
    type FoundryUserPrincipal,
} from "../components/foundryAccount";
export { FoundryProject, type FoundryProjectArgs } from "../components/foundryProject";
export { FoundryModelDeployment, type FoundryModelDeploymentArgs } from "../components/foundryModelDeployment";
export {
    ContentFilter,
    type ContentFilterArgs,
    type ContentFilterBlocklistRef,
    type ContentFilterRule,
} from "../components/contentFilter";
export {
    ContentFilterBlocklist,
    type BlocklistItem,
    type ContentFilterBlocklistArgs,
} from "../components/contentFilterBlocklist";
export {
    PrivateAccess,
    type PrivateAccessArgs,
    type PrivateAccessPlacement,
    type PrivateAccessTarget,
    type PrivateAccessVirtualNetwork,
} from "../components/privateAccess";
export type { CustomerManagedKey, ExistingUserAssignedIdentity } from "../components/customerManagedKey";
