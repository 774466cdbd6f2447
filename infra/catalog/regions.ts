/**
 * Azure regions where a hub, project or workspace must be created to deploy serverless (pay-per-token) models.
 * Source: the MS docs serverless guides (`SOURCES.seedMistral`, `seedJamba`, `seedLlama`) and MS docs
 * `region-availability-maas.md` (see {@link SOURCES.regionsMaas}).
 */
import { SOURCES } from "./sources";

/** The seven regions the seeds name for the serverless offer of every family. */
export const SERVERLESS_REGIONS = [
    "eastus",
    "eastus2",
    "northcentralus",
    "southcentralus",
    "westus",
    "westus3",
    "swedencentral",
] as const;

/** The six US regions: AI21 Jamba 1.5 and Llama 2 are not sold in Sweden Central. */
export const SERVERLESS_US_REGIONS = SERVERLESS_REGIONS.filter((r) => r !== "swedencentral");

/** Jamba Instruct launched in East US 2 and Sweden Central only. */
export const JAMBA_INSTRUCT_REGIONS = ["eastus2", "swedencentral"] as const;

/** mistral-document-ai-2505 was sold to hubs in East US 2 and Sweden Central only (region table of 2026-02-17). */
export const DOCUMENT_AI_REGIONS = ["eastus2", "swedencentral"] as const;

export const REGIONS_SOURCE = SOURCES.regionsMaas;

/**
 * Display names Azure and the docs use for these regions, so config may say `East US 2` as well as `eastus2`.
 */
export function normalizeRegion(region: string): string {
    return region.replace(/[\s_-]+/g, "").toLowerCase();
}
