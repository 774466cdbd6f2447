export * from "./enums";
export * from "./aiWorkspace";
export * from "./aiProject";
export * from "./marketplaceModelSubscription";
export * from "./serverlessModelEndpoint";
export * from "./managedOnlineEndpoint";
export * from "./managedModelDeployment";
export * from "./endpointTraffic";
