/** A zod schema of the Foundry offer table: the catalog test checks every offer against it. */
import { z } from "zod";
import { FOUNDRY_SKU_NAMES } from "./foundry";
import { lifecycleSchema, sourceSchema } from "./schema";

const region = z.string().regex(/^[a-z0-9]+$/, "ARM region name such as eastus2");

const skuOfferSchema = z
    .strictObject({
        sku: z.enum(FOUNDRY_SKU_NAMES as [string, ...string[]]),
        regions: z.array(region).min(1),
        dataZones: z.partialRecord(z.enum(["US", "EU"]), z.array(region).min(1)).optional(),
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

export const foundryOfferSchema = z
    .strictObject({
        name: z.string().regex(/^[A-Za-z0-9._-]+$/),
        format: z.string().min(1),
        aliases: z.array(z.string().min(1)),
        version: z.string().regex(/^[0-9A-Za-z.-]+$/),
        versionSource: sourceSchema,
        soldBy: z.enum(["Azure", "Partner"]),
        registry: z.string().regex(/^azureml(-[a-z0-9]+)?$/),
        skus: z.array(skuOfferSchema).min(1),
        rateLimits: z.strictObject({
            tokensPerMinute: z.number().int().positive(),
            requestsPerMinute: z.number().int().positive(),
            concurrentRequests: z.number().int().positive(),
            source: sourceSchema,
        }),
        task: z.strictObject({ kind: z.literal("ocr"), source: sourceSchema }).optional(),
        lifecycle: lifecycleSchema.optional(),
        source: sourceSchema,
    })
    .refine((o) => new Set(o.skus.map((s) => s.sku)).size === o.skus.length, "each SKU once");
