/**
 * The fields the `workspace` and `foundry` sections share (a base name, a region, a resource group name, tags), one rule each, so
 * a value is judged alike in both sections and in the components' arguments. They live here because `schema.ts`
 * imports `foundrySchema.ts` (as principals live in `principal.ts`).
 */
import { z } from "zod";
import { NAME_RULES, baseNameProblem, describeRule, type BaseNameKind } from "../catalog/names";
import { TAG_LIMITS } from "../catalog/tags";

/**
 * A base name of this kind: every Azure name derived from it (`<base>-<suffix>`, `log-<base>`, ...) is checked
 * against the rule of the resource that gets it, from the catalog's name table.
 */
export function baseName(...kinds: BaseNameKind[]) {
    return z.string().superRefine((value, ctx) => {
        const problem = baseNameProblem(value, ...kinds);
        if (problem) ctx.addIssue({ code: "custom", message: problem, input: value });
    });
}

/** Azure region names as ARM writes them (`eastus2`); display names are accepted and normalised. */
const REGION = /^[A-Za-z][A-Za-z0-9 ]{1,40}$/;

/** A region field; `example` is the region the message suggests. */
export function region(example: string) {
    return z.string().regex(REGION, `an Azure region name such as ${example}`);
}

/** Resource group names, from the catalog's name table. */
const RESOURCE_GROUP = NAME_RULES.resourceGroup.pattern;
const RESOURCE_GROUP_RULE = describeRule(NAME_RULES.resourceGroup);

/** A resource group name field. */
export function resourceGroupName() {
    return z.string().regex(RESOURCE_GROUP, RESOURCE_GROUP_RULE);
}

/**
 * `resourceGroup: { name, existing }`: the group a section's resources go in. A name alone is refused: whether the
 * stack creates the group (and so deletes it, with everything in it, when the stack or section is destroyed) or
 * uses one that exists is said explicitly, never guessed.
 */
export function resourceGroupChoice() {
    return z
        .strictObject({
            name: resourceGroupName(),
            /** `true`: use the existing group; `false`: the stack creates and owns it. Required with `name`. */
            existing: z.boolean().optional(),
        })
        .superRefine((group, ctx) => {
            if (group.existing !== undefined) return;
            ctx.addIssue({
                code: "custom",
                path: ["existing"],
                input: undefined,
                message:
                    `must be set with resourceGroup.name: true uses the existing group ${JSON.stringify(group.name)} ` +
                    "(the stack never creates or deletes it), false makes the stack create and own it, as leaving " +
                    "existing out used to (destroying the stack deletes the group and everything in it)",
            });
        });
}

/** Characters Azure forbids in tag names (`TAG_LIMITS.nameForbidden`, with its source). */
export const TAG_NAME_FORBIDDEN = new RegExp(
    `[${TAG_LIMITS.nameForbidden.map((c) => c.replace(/[\\\]^-]/g, "\\$&")).join("")}]`,
);

/**
 * A tag value: Azure's are strings. `pulumi config set --path ...tags.costCenter 4711` stores a number (and `true` a
 * boolean), so numbers and booleans are accepted and kept as their text (`"4711"`).
 */
const tagValue = z.union(
    [z.string().max(TAG_LIMITS.valueMaxLength), z.number().transform(String), z.boolean().transform(String)],
    { error: "expected a string (a tag value; numbers and booleans are taken as their text)" },
);

/**
 * Tags within Azure's documented limits (`TAG_LIMITS` in the catalog, with its source): at most 50 per resource,
 * names up to 512 characters without `< > % & \ ? /`, values up to 256 characters (see {@link tagValue}).
 */
export const tags = z.record(z.string().max(TAG_LIMITS.nameMaxLength), tagValue).superRefine((value, ctx) => {
    const names = Object.keys(value);
    if (names.length > TAG_LIMITS.maxPerResource) {
        ctx.addIssue({
            code: "custom",
            path: [],
            input: `${names.length} tags`,
            message: `has ${names.length} tags: Azure allows at most ${TAG_LIMITS.maxPerResource} tag name/value pairs per resource (a JSON string in one tag's value can hold more)`,
        });
    }
    for (const key of names) {
        if (TAG_NAME_FORBIDDEN.test(key)) {
            ctx.addIssue({
                code: "custom",
                path: [key],
                input: key,
                message: `is not a valid tag name: Azure forbids ${TAG_LIMITS.nameForbidden.join(" ")} in tag names`,
            });
        }
    }
});
