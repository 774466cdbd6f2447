/**
 * A zod schema of the catalog: the tests check every entry against it, so a malformed fact (a model id with a
 * version, a date in the wrong form, a fact without its source) fails the build.
 */
import { z } from "zod";
import { choice } from "./choice";
import { SERVERLESS_MODEL_ID } from "./ids";
import {
    DATA_ZONES,
    FOUNDRY_DEPLOYMENT_SKUS,
    FOUNDRY_SOLD_BY,
    HTTP_METHODS,
    MODEL_FAMILIES,
    RELEASE_STAGES,
    ROUTE_APIS,
    ROUTE_KINDS,
} from "./vocabulary";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "YYYY-MM-DD");
const region = z.string().regex(/^[a-z0-9]+$/, "ARM region name such as eastus2");

export const sourceSchema = z.strictObject({
    document: z.string().min(10),
    date: isoDate,
    note: z.string().min(1).optional(),
});

/** A lifecycle row: stage dates in order, the typed replacement, the source. Serverless, managed and Foundry offers share it. */
export const lifecycleSchema = z
    .strictObject({
        legacy: isoDate.optional(),
        deprecated: isoDate.optional(),
        retired: isoDate.optional(),
        replacement: z
            .discriminatedUnion("on", [
                z.strictObject({ on: z.literal("catalog"), model: z.string().min(1) }),
                z.strictObject({ on: z.literal("foundry"), models: z.array(z.string().min(1)).min(1) }),
                z.strictObject({ on: z.literal("none") }),
            ])
            .optional(),
        source: sourceSchema,
    })
    .refine((l) => !(l.legacy && l.deprecated) || l.legacy <= l.deprecated, "legacy must not come after deprecated")
    .refine((l) => !(l.deprecated && l.retired) || l.deprecated <= l.retired, "deprecated must not come after retired");

const routeSchema = z.strictObject({
    api: choice(ROUTE_APIS),
    kind: choice(ROUTE_KINDS),
    method: choice(HTTP_METHODS),
    path: z.string().regex(/^\/[a-z0-9/]*$/),
    sdkRetired: isoDate.optional(),
});

const skuOfferSchema = z
    .strictObject({
        sku: choice(FOUNDRY_DEPLOYMENT_SKUS),
        regions: z.array(region).min(1),
        dataZones: z.partialRecord(choice(DATA_ZONES), z.array(region).min(1)).optional(),
        provisioned: z
            .strictObject({
                minimumUnits: z.number().int().positive(),
                increment: z.number().int().positive(),
                inputTokensPerMinutePerUnit: z.number().int().positive(),
                source: sourceSchema,
            })
            .optional(),
        source: sourceSchema,
    })
    .refine(
        (s) => (s.sku === "DataZoneStandard") === (s.dataZones !== undefined),
        "data zones go with DataZoneStandard",
    )
    .refine(
        (s) => Object.values(s.dataZones ?? {}).every((rs) => rs.every((r) => s.regions.includes(r))),
        "every data-zone region is one of the SKU's regions",
    )
    .refine(
        (s) => s.sku.includes("Provisioned") === (s.provisioned !== undefined),
        "PTU sizes go with a provisioned SKU, and every provisioned SKU has them",
    )
    .refine(
        (s) => s.provisioned === undefined || s.provisioned.minimumUnits % s.provisioned.increment === 0,
        "the minimum PTUs are a multiple of the increment",
    );

/** A Foundry offer (`ModelEntry.foundry`). */
export const foundryOfferSchema = z
    .strictObject({
        name: z.string().regex(/^[A-Za-z0-9._-]+$/),
        format: z.string().min(1),
        version: z.string().regex(/^[0-9A-Za-z.-]+$/),
        versionSource: sourceSchema,
        soldBy: choice(FOUNDRY_SOLD_BY),
        registry: z.string().regex(/^azureml(-[a-z0-9]+)?$/),
        skus: z.array(skuOfferSchema).min(1),
        rateLimits: z.strictObject({
            tokensPerMinute: z.number().int().positive(),
            requestsPerMinute: z.number().int().positive(),
            concurrentRequests: z.number().int().positive(),
            source: sourceSchema,
        }),
        task: z.strictObject({ kind: z.literal("ocr"), source: sourceSchema }).optional(),
        stage: z.strictObject({ stage: choice(RELEASE_STAGES), source: sourceSchema }),
        lifecycle: lifecycleSchema.optional(),
        source: sourceSchema,
    })
    .refine((o) => new Set(o.skus.map((s) => s.sku)).size === o.skus.length, "each SKU once");

export const modelEntrySchema = z
    .strictObject({
        name: z.string().regex(/^[A-Za-z0-9._-]+$/),
        displayName: z.string().min(1),
        aliases: z.array(z.string().min(1)),
        family: choice(MODEL_FAMILIES),
        publisher: z.string().min(1),
        registry: z.string().regex(/^azureml(-[a-z0-9]+)?$/),
        serverless: z
            .strictObject({
                modelId: z.string().regex(SERVERLESS_MODEL_ID, "serverless model id without a version"),
                regions: z.array(region).min(1),
                regionsSource: sourceSchema,
                routes: z.array(routeSchema).min(1),
                rateLimits: z.strictObject({
                    tokensPerMinute: z.number().int().positive(),
                    requestsPerMinute: z.number().int().positive(),
                    source: sourceSchema,
                }),
                lifecycle: lifecycleSchema.optional(),
            })
            .optional(),
        managed: z
            .strictObject({
                assetName: z.string().regex(/^[A-Za-z0-9._-]+$/),
                version: z.number().int().positive().optional(),
                versionSource: sourceSchema.optional(),
                allowedInstanceTypes: z
                    .array(z.string().regex(/^Standard_[A-Za-z0-9_]+$/))
                    .min(1)
                    .optional(),
                minimumSpec: z
                    .strictObject({ vCPUs: z.number().int().positive(), gpus: z.number().int().nonnegative() })
                    .optional(),
                sharedQuota: z.boolean().optional(),
                sharedQuotaSource: sourceSchema.optional(),
                routes: z.array(routeSchema).min(2),
                lifecycle: lifecycleSchema.optional(),
                source: sourceSchema,
            })
            .refine(
                (m) => (m.version === undefined) === (m.versionSource === undefined),
                "a pinned version needs its source",
            )
            .optional(),
        foundry: foundryOfferSchema.optional(),
        capabilities: z
            .strictObject({
                systemRole: z.boolean(),
                jsonMode: z.boolean(),
                tools: z.boolean(),
                documents: z.boolean(),
                nativeModelField: z.string().optional(),
                source: sourceSchema,
            })
            .optional(),
        source: sourceSchema,
    })
    .refine((m) => m.serverless || m.managed || m.foundry, "a model needs at least one offer")
    .refine((m) => !(m.serverless || m.managed) || m.capabilities, "a model on the hub needs its capabilities")
    .refine((m) => !m.foundry || m.foundry.name === m.name, "a Foundry offer has its record's name")
    .refine(
        (m) => !m.serverless || m.serverless.modelId === `azureml://registries/${m.registry}/models/${m.name}`,
        "the serverless model id must be registry + name",
    );
