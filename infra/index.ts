/**
 * The stack program (`main` in Pulumi.yaml): reads and validates the `azure-ai-models:*` config, then builds the
 * hub or workspace, projects, Marketplace subscriptions, serverless and managed endpoints, and the Foundry resource
 * with its projects and model deployments. Invalid config stops the
 * program before any resource is registered, with every problem listed.
 */
// Only through the library's public entry, as a consumer would use it.
import { defineStack, loadStackConfig } from "./lib";

const outputs = defineStack(loadStackConfig());

/** Per deployment: model, type, endpoint URI, route URLs, rate limits, and keys (secret). */
export const deployments = outputs.deployments;
/** Per managed online endpoint: scoring and swagger URIs, how to authenticate, deployments, traffic, keys (secret, Key auth only). */
export const onlineEndpoints = outputs.onlineEndpoints;

// A part the stack does not have is null: an undefined output would make Pulumi warn on every run.
/** The hub (or classic workspace) and its projects; null in a stack with only a Foundry resource. */
export const workspace = outputs.workspace ?? null;
/**
 * The Foundry resource: account endpoints, projects, and per deployment the OpenAI-compatible base URL, the model name
 * to send and the Entra ID scope; null in a stack without a `foundry` section.
 */
export const foundry = outputs.foundry ?? null;
