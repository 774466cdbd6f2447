/**
 * Local validation of a split: each rule with its exact message, and no request reaches Azure when it fails.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { applyTraffic } from "../../infra/traffic/operations";
import { effectiveSplit, sameSplit, trafficProblems as problemsWithPaths } from "../../infra/catalog/traffic";
import type { ArmServer } from "../helpers/armServer";
import { clientOptions, REF, serverWithEndpoint } from "./helpers";

/** The problems as the provider reports them: property and reason (paths are tested with the shared table). */
const trafficProblems = (split: { traffic?: unknown; mirrorTraffic?: unknown }) =>
    problemsWithPaths(split).map(({ property, reason }) => ({ property, reason }));

describe("trafficProblems", () => {
    it("accepts splits that add up to 100, empty or all-zero splits, and a mirror of at most 50", () => {
        expect(trafficProblems({ traffic: { blue: 100 } })).toEqual([]);
        expect(trafficProblems({ traffic: { blue: 90, green: 10 } })).toEqual([]);
        expect(trafficProblems({ traffic: {} })).toEqual([]);
        expect(trafficProblems({ traffic: { blue: 0, green: 0 } })).toEqual([]);
        expect(trafficProblems({ traffic: { blue: 100, green: 0 }, mirrorTraffic: { green: 50 } })).toEqual([]);
        expect(trafficProblems({ traffic: { blue: 100 }, mirrorTraffic: { green: 20, red: 30 } })).toEqual([]);
    });

    it("refuses a sum other than 100 or 0", () => {
        expect(trafficProblems({ traffic: { blue: 80, green: 10 } })).toEqual([
            {
                property: "traffic",
                reason: "must add up to 100, or be empty or all 0 to route nothing; got 90 (blue 80 + green 10)",
            },
        ]);
    });

    it("refuses percentages that are not integers from 0 to 100, naming each", () => {
        expect(trafficProblems({ traffic: { blue: 99.5, green: 0.5, red: -1, gold: "10", "": 5 } })).toEqual([
            { property: 'traffic["blue"]', reason: "must be an integer from 0 to 100; got 99.5" },
            { property: 'traffic["green"]', reason: "must be an integer from 0 to 100; got 0.5" },
            { property: 'traffic["red"]', reason: "must be an integer from 0 to 100; got -1" },
            { property: 'traffic["gold"]', reason: 'must be an integer from 0 to 100; got "10"' },
            { property: 'traffic[""]', reason: "deployment name must not be empty" },
        ]);
    });

    it("requires traffic as a map", () => {
        expect(trafficProblems({})).toEqual([
            { property: "traffic", reason: "is required: a map of deployment name to percentage, e.g. { blue: 100 }" },
        ]);
        expect(trafficProblems({ traffic: [100] })).toEqual([
            { property: "traffic", reason: "must be a map of deployment name to percentage; got [100]" },
        ]);
    });

    it("refuses a mirror over 50 and a mirror to a deployment with live traffic, reporting every problem", () => {
        expect(trafficProblems({ traffic: { blue: 90, green: 10 }, mirrorTraffic: { green: 30, red: 30 } })).toEqual([
            { property: "mirrorTraffic", reason: "must add up to at most 50; got 60 (green 30 + red 30)" },
            {
                property: 'mirrorTraffic["green"]',
                reason: 'cannot mirror to a deployment that serves live traffic (traffic["green"] is 10); set its traffic to 0 or stop mirroring to it',
            },
        ]);
    });

    it("compares splits as Azure routes them: order and 0% entries do not matter", () => {
        expect(effectiveSplit({ green: 100, blue: 0 })).toEqual({ green: 100 });
        expect(sameSplit({ blue: 0, green: 100 }, { green: 100 })).toBe(true);
        expect(sameSplit(undefined, {})).toBe(true);
        expect(sameSplit({ blue: 90, green: 10 }, { green: 10, blue: 90 })).toBe(true);
        expect(sameSplit({ blue: 90, green: 10 }, { blue: 10, green: 90 })).toBe(false);
    });
});

describe("applyTraffic validates before calling Azure", () => {
    let server: ArmServer;
    beforeEach(async () => {
        server = await serverWithEndpoint(["blue", "green"]);
    });
    afterEach(async () => {
        await server.close();
    });

    it("throws every problem with the endpoint named, and sends nothing", async () => {
        await expect(
            applyTraffic(
                { ...REF, traffic: { blue: 60, green: 30 }, mirrorTraffic: { green: 60 } },
                clientOptions(server),
            ),
        ).rejects.toThrow(
            new Error(
                'Invalid traffic for online endpoint "chat-ep" in workspace "ws-models" (resource group "rg-models", ' +
                    'subscription "00000000-1111-2222-3333-444444444444"):\n' +
                    "traffic: must add up to 100, or be empty or all 0 to route nothing; got 90 (blue 60 + green 30)\n" +
                    "mirrorTraffic: must add up to at most 50; got 60 (green 60)\n" +
                    'mirrorTraffic["green"]: cannot mirror to a deployment that serves live traffic (traffic["green"] is 30); set its traffic to 0 or stop mirroring to it',
            ),
        );
        expect(server.requests).toEqual([]);
    });
});
