/**
 * The loopback ARM answers as the REST spec's own examples do (test/restspec/reads/examples, commits in SOURCE.txt):
 * every field of an example's item is in the loopback's item, with the same JSON type. So the preflight's parsing is
 * tested on Azure's shapes, not on shapes the tests made up.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { armReader, type ArmReader } from "../../preflight/arm";
import { startPreflightArm, TEST_SERVER_CERT, type PreflightArm } from "../helpers/preflightArm";
import { cleanSubscription, fakeCredential, SUB } from "./fixtures";

const EXAMPLES = path.resolve(__dirname, "../restspec/reads/examples");
const example = (file: string) =>
    (JSON.parse(readFileSync(path.join(EXAMPLES, file), "utf8")) as { responses: { 200: { body: unknown } } })
        .responses[200].body;

/** `a.b.c: type` for every leaf of a JSON value (array items by their first element). */
function shape(value: unknown, prefix = ""): string[] {
    if (Array.isArray(value)) return value.length ? shape(value[0], `${prefix}[]`) : [`${prefix}: array`];
    if (value && typeof value === "object")
        return Object.entries(value).flatMap(([k, v]) => shape(v, prefix ? `${prefix}.${k}` : k));
    return [`${prefix}: ${value === null ? "null" : typeof value}`];
}

let arm: PreflightArm | undefined;
let reader: ArmReader | undefined;
afterEach(async () => {
    await reader?.close();
    await arm?.close();
    arm = reader = undefined;
});

describe("loopback ARM vs the REST spec's examples", () => {
    it("Usages_List, LocationBasedModelCapacities_List and CheckDomainAvailability", async () => {
        arm = await startPreflightArm({ ...cleanSubscription(), pageSize: 10 });
        reader = armReader({ endpoint: arm.url, credential: fakeCredential, ca: TEST_SERVER_CERT });
        const cs = `/subscriptions/${SUB}/providers/Microsoft.CognitiveServices`;
        const v = { "api-version": "2025-06-01" };
        const usages = await reader.get(`${cs}/locations/swedencentral/usages`, v);
        expect(shape(usages)).toEqual(expect.arrayContaining(shape(example("ListUsages.json"))));
        const capacities = await reader.get(`${cs}/locations/swedencentral/modelCapacities`, {
            ...v,
            modelFormat: "Mistral AI",
            modelName: "Mistral-Large-3",
            modelVersion: "1",
        });
        expect(shape(capacities)).toEqual(shape(example("ListLocationBasedModelCapacities.json")));
        const domain = await reader.post(`${cs}/checkDomainAvailability`, v, {
            subdomainName: "taken-one",
            type: "Microsoft.CognitiveServices/accounts",
        });
        // `reason` is a string when the name is refused, as in the example.
        expect(shape(domain).filter((s) => !s.startsWith("reason"))).toEqual(
            shape(example("CheckDomainAvailability.json")).filter((s) => !s.startsWith("reason")),
        );
    });
});
