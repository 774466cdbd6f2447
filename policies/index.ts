/**
 * The azure-ai-models CrossGuard policy pack: `pulumi preview --policy-pack policies`. This file only assembles the
 * pack; each rule lives in its own file under `rules/` (constructing a PolicyPack starts the analyzer's gRPC
 * server, so tests import the rules, never this file).
 */
import { PolicyPack } from "@pulumi/policy";
import { ALL_RULES } from "./rules";

new PolicyPack("azure-ai-models", {
    description:
        "Guardrails for Azure AI model catalog deployments: serverless (Marketplace) endpoints and managed online endpoints.",
    displayName: "Azure AI models",
    provider: "azure",
    tags: ["azure", "machine-learning", "ai"],
    // Every rule, in the order of rules/index.ts (mandatory first); the offline plan runs the same list.
    policies: [...ALL_RULES],
});
