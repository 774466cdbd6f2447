/**
 * The stack program (`main` in Pulumi.yaml): reads and validates the `azure-ai-models:*` config, then builds the
 * hub or workspace, projects, Marketplace subscriptions and serverless endpoints. Invalid config stops the
 * program before any resource is registered, with every problem listed.
 */
// Only through the library's public entry, as a consumer would use it.
import { defineStack, loadStackConfig } from "./lib";

const outputs = defineStack(loadStackConfig());

/** The hub (or classic workspace) and its projects. */
export const workspace = outputs.workspace;
/** Per deployment: model, type, endpoint URI, route URLs, rate limits, and keys (secret). */
export const deployments = outputs.deployments;
/** Per managed online endpoint: scoring and swagger URIs, how to authenticate, deployments, traffic, keys (secret, Key auth only). */
export const onlineEndpoints = outputs.onlineEndpoints;
