import * as proxyModule from "@pulumi/policy/proxy";
import { describe, expect, it } from "vitest";
import { UNKNOWN as PLAN_UNKNOWN } from "../../plan/run/types";
import { isUnknown, knownNumber, knownString, PULUMI_UNKNOWN_SENTINELS, read } from "../../policies/lib/unknown";
import { unwrapProps, viewFromResourceArgs } from "../../policies/lib/view";

/** `@pulumi/policy` marks these internal, so its .d.ts omits them; they are there at runtime. */
const proxy = proxyModule as unknown as {
    unknownStringValue: string;
    unknownBooleanValue: string;
    unknownNumberValue: string;
    unknownArrayValue: string;
    unknownAssetValue: string;
    unknownArchiveValue: string;
    unknownObjectValue: string;
    unknownCheckingProxy: (o: object) => object;
    UnknownValueError: new (...args: never[]) => Error;
};

describe("unknown values", () => {
    it("knows every sentinel @pulumi/policy knows, and the plan's [unknown]", () => {
        const sentinels = [
            proxy.unknownStringValue,
            proxy.unknownBooleanValue,
            proxy.unknownNumberValue,
            proxy.unknownArrayValue,
            proxy.unknownAssetValue,
            proxy.unknownArchiveValue,
            proxy.unknownObjectValue,
        ];
        expect([...PULUMI_UNKNOWN_SENTINELS].sort()).toEqual([...sentinels].sort());
        for (const s of [...sentinels, PLAN_UNKNOWN]) expect(isUnknown(s)).toBe(true);
        for (const v of ["eastus", "", 0, false, null, undefined, {}]) expect(isUnknown(v)).toBe(false);
    });

    it("reads paths as known, unknown or absent", () => {
        const props = { a: { b: "x", n: 3, u: PLAN_UNKNOWN }, obj: proxy.unknownObjectValue, nil: null };
        expect(read(props, "a.b")).toEqual({ state: "known", value: "x" });
        expect(read(props, "a.u")).toEqual({ state: "unknown" });
        expect(read(props, "obj.deep.path")).toEqual({ state: "unknown" });
        expect(read(props, "a.missing")).toEqual({ state: "absent" });
        expect(read(props, "nil.x")).toEqual({ state: "absent" });
        expect(knownString(props, "a.n")).toBeUndefined();
        expect(knownNumber(props, "a.n")).toBe(3);
    });

    it("reads through @pulumi/policy's unknown-checking proxy without throwing", () => {
        const props = proxy.unknownCheckingProxy({
            location: proxy.unknownStringValue,
            properties: { authMode: "Key" },
        });
        expect(() => (props as Record<string, unknown>).location).toThrow(proxy.UnknownValueError);
        const view = viewFromResourceArgs({ type: "t", name: "n", urn: "u", props });
        expect(isUnknown(view.props.location)).toBe(true);
        expect(unwrapProps({ plain: 1 })).toEqual({ plain: 1 });
    });
});
