import { describe, expect, it } from "vitest";
import { isKeyLikeName, noPlaintextKeysInOutputs } from "../../policies/rules/noPlaintextKeysInOutputs";
import {
    endpoint,
    MISTRAL_LARGE_2411,
    output,
    PULUMI_UNKNOWN,
    stackResource,
    STACK_URN,
    viaPlan,
    viaPolicy,
} from "./harness";

const RULE = noPlaintextKeysInOutputs;
const FIX = "Wrap the value in pulumi.secret(...) before exporting it, or do not export it.";

const deployments = (primary: string) => ({
    chat: { endpoint: "https://chat.eastus2.models.ai.azure.com", primaryKey: primary, secondaryKey: "k2" },
});

describe("no-plaintext-keys-in-outputs", () => {
    it("passes key-like outputs that are secret, as a path or as a whole output", () => {
        const outputs = [
            output("deployments", deployments("k1"), ["deployments.chat.primaryKey", "deployments.chat.secondaryKey"]),
            output("adminPassword", "hunter2", ["adminPassword"]),
            output("keys", { a: "x" }, ["keys"]),
            output("endpoints", [{ name: "chat", key: "k" }], ["endpoints[0].key"]),
        ];
        expect(viaPlan(RULE, { resources: [stackResource()], outputs })).toEqual([]);
    });

    it("reports each plaintext key-like value by its path, never by its value", () => {
        const outputs = [
            output("deployments", deployments("k1"), ["deployments.chat.secondaryKey"]),
            output("connectionString", "Server=x;Password=p"),
        ];
        expect(viaPlan(RULE, { resources: [stackResource()], outputs })).toEqual([
            {
                urn: STACK_URN,
                message:
                    "Stack output deployments.chat.primaryKey has a key-like name and is not secret, so it is stored in the clear in the stack's state and printed by `pulumi stack output`. " +
                    FIX,
            },
            {
                urn: STACK_URN,
                message:
                    "Stack output connectionString has a key-like name and is not secret, so it is stored in the clear in the stack's state and printed by `pulumi stack output`. " +
                    FIX,
            },
        ]);
    });

    it("ignores outputs without key-like names and resources' own inputs", () => {
        const outputs = [output("endpointUri", "https://chat.eastus2.models.ai.azure.com"), output("monkey", "banana")];
        expect(
            viaPlan(RULE, {
                resources: [stackResource(), endpoint("chat", MISTRAL_LARGE_2411, { primaryKey: "k" })],
                outputs,
            }),
        ).toEqual([]);
    });

    it("judges a value unknown during preview by its secretness, which the plan knows", () => {
        const secretUnknowns = [
            output("primaryKey", PULUMI_UNKNOWN, ["primaryKey"]),
            output("deployments", { chat: { primaryKey: "[unknown]" } }, ["deployments.chat.primaryKey"]),
        ];
        expect(viaPlan(RULE, { resources: [stackResource()], outputs: secretUnknowns })).toEqual([]);
        const plainUnknown = [output("deployments", { chat: { primaryKey: "[unknown]" } })];
        expect(viaPlan(RULE, { resources: [stackResource()], outputs: plainUnknown }).map((r) => r.message)).toEqual([
            `Stack output deployments.chat.primaryKey has a key-like name and is not secret, so it is stored in the clear in the stack's state and printed by \`pulumi stack output\`. ${FIX}`,
        ]);
    });

    it("does not judge unknown values where secretness cannot be seen (the CLI)", () => {
        const outputs = [output("primaryKey", PULUMI_UNKNOWN), output("token", "[unknown]")];
        expect(
            viaPolicy(RULE, { resources: [stackResource()], outputs, config: { reportWhenSecretnessUnknown: true } }),
        ).toEqual([]);
    });

    it("follows its keyNames config", () => {
        const outputs = [output("apiSecret", "s"), output("token", "t")];
        expect(
            viaPlan(RULE, { resources: [stackResource()], outputs, config: { keyNames: ["secret"] } }).map(
                (r) => r.message,
            ),
        ).toEqual([
            `Stack output apiSecret has a key-like name and is not secret, so it is stored in the clear in the stack's state and printed by \`pulumi stack output\`. ${FIX}`,
        ]);
    });

    it("in the CLI, where policies cannot see secretness, reports only with reportWhenSecretnessUnknown", () => {
        const c = {
            resources: [stackResource()],
            outputs: [
                output("deployments", deployments("k1"), [
                    "deployments.chat.primaryKey",
                    "deployments.chat.secondaryKey",
                ]),
            ],
        };
        expect(viaPolicy(RULE, c)).toEqual([]);
        expect(viaPolicy(RULE, { ...c, config: { reportWhenSecretnessUnknown: true } })).toEqual(
            ["primaryKey", "secondaryKey"].map((k) => ({
                urn: STACK_URN,
                message:
                    `Stack output deployments.chat.${k} has a key-like name and may be in plaintext (the CLI cannot show policies which outputs are secret; reportWhenSecretnessUnknown is on). ` +
                    FIX,
            })),
        );
    });

    it("recognises key-like names at word boundaries", () => {
        const names = [
            "key",
            "primaryKey",
            "apiKey",
            "access_token",
            "db-password",
            "ConnectionString",
            "monkey",
            "keyVaultName",
            "tokens",
        ];
        expect(
            names.filter((n) => isKeyLikeName(n, ["key", "primaryKey", "token", "password", "connectionString"])),
        ).toEqual(["key", "primaryKey", "apiKey", "access_token", "db-password", "ConnectionString"]);
    });
});
