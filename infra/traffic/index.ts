/**
 * Online endpoint traffic, applied after the endpoint's deployments exist: the functions behind the EndpointTraffic
 * dynamic provider (`../components/endpointTraffic.ts`), usable and testable on their own.
 */
export * from "./client";
export * from "./operations";
export * from "../catalog/traffic";
