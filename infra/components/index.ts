export * from "./aiWorkspace";
export * from "./aiProject";
export * from "./marketplaceModelSubscription";
export * from "./serverlessModelEndpoint";
