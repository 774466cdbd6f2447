/**
 * The package as the Pulumi CLI launches it for `pulumi package add`: the Node.js language host runs
 * `node @pulumi/pulumi/cmd/run-plugin <package directory>` from the consumer's directory, and run-plugin registers
 * ts-node (with the compiler options of a tsconfig.json in that directory, or its defaults), requires the package
 * directory and serves gRPC on the port it prints. This asks the running plugin for its schema, as the CLI does
 * before it generates an SDK, and checks that the host serving it is this package's provider (secret outputs
 * marked), not the plain host run-plugin would start.
 *
 * What it cannot prove: the CLI's own steps around it (installing dependencies, generating the SDK), and
 * `construct` over gRPC, which needs an engine to register resources with (construct.test.ts covers it under mocks).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as rpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as pb from "@pulumi/pulumi/proto/provider_pb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PACKAGE_DIR, PUBLISHED_COMPONENTS } from "../../infra/provider";

const SECRET_KEYS = [
    "FoundryAccount.primaryKey",
    "FoundryAccount.secondaryKey",
    "ManagedOnlineEndpoint.primaryKey",
    "ManagedOnlineEndpoint.secondaryKey",
    "ServerlessModelEndpoint.primaryKey",
    "ServerlessModelEndpoint.secondaryKey",
];

// ts-node type-checks the package's sources as it loads them, then the analyzer builds its own program: slow.
const STARTUP_MS = 180_000;

let child: ChildProcess | undefined;
let client: rpc.ResourceProviderClient;
let stderr = "";
// A directory of a Python, Go, .NET or YAML program: no tsconfig.json, so ts-node compiles with its defaults.
const consumerDir = mkdtempSync(path.join(tmpdir(), "azure-ai-models-consumer-"));

beforeAll(async () => {
    const runPlugin = path.join(PACKAGE_DIR, "node_modules", "@pulumi", "pulumi", "cmd", "run-plugin");
    const plugin = spawn(process.execPath, [runPlugin, PACKAGE_DIR], {
        cwd: consumerDir,
        stdio: ["ignore", "pipe", "pipe"],
    });
    child = plugin;
    plugin.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
    const port = await new Promise<string>((resolve, reject) => {
        let out = "";
        plugin.stdout?.on("data", (d: Buffer) => {
            out += d.toString();
            const match = /^(\d+)\s*$/m.exec(out);
            if (match) resolve(match[1]);
        });
        plugin.once("exit", (code) =>
            reject(new Error(`the plugin exited (${code}) before printing its port:\n${stderr}`)),
        );
    });
    client = new rpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, STARTUP_MS);

afterAll(() => {
    client?.close();
    if (child?.pid !== undefined) child.kill();
    rmSync(consumerDir, { recursive: true, force: true });
});

/** Which module `require(<package dir>)` in run-plugin loads: package.json's `main`, or index.ts when it is missing. */
function loadedEntry(): string {
    const { main } = JSON.parse(readFileSync(path.join(PACKAGE_DIR, "package.json"), "utf8")) as { main?: string };
    const present = main !== undefined && existsSync(path.join(PACKAGE_DIR, main));
    return present
        ? `run-plugin loaded package.json "main": ${main}`
        : `run-plugin loaded index.ts ("main" ${main ?? "unset"} is missing)`;
}

function getSchema(): Promise<{ resources: Record<string, { properties: Record<string, { secret?: boolean }> }> }> {
    return new Promise((resolve, reject) =>
        client.getSchema(new pb.GetSchemaRequest(), (err, res) => {
            if (err || !res) reject(err ?? new Error("GetSchema returned nothing"));
            else resolve(JSON.parse(res.getSchema()));
        }),
    );
}

describe("the package run as a plugin, from a consumer's directory", () => {
    it(
        "serves the schema with every published component and their keys marked secret",
        async () => {
            const schema = await getSchema();
            const secrets = Object.entries(schema.resources).flatMap(([token, r]) =>
                Object.entries(r.properties)
                    .filter(([, p]) => p.secret)
                    .map(([n]) => `${token.split(":")[2]}.${n}`),
            );
            expect(Object.keys(schema.resources)).toHaveLength(PUBLISHED_COMPONENTS.length);
            // No marks means run-plugin's own host serves the package: the module it loaded did not start ours.
            expect(secrets.sort(), `${loadedEntry()}\nplugin stderr:\n${stderr}`).toEqual(SECRET_KEYS);
        },
        STARTUP_MS,
    );
});
