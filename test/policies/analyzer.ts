/**
 * A client for a policy pack served over `@pulumi/policy`'s analyzer gRPC protocol, driven the way the Pulumi engine
 * drives it. Used for the pack from source (`pack.grpc.test.ts`) and for the bundled pack (`bundle.test.ts`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as grpc from "@grpc/grpc-js";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import * as rpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";

export interface Analyzer {
    client: rpc.AnalyzerClient;
    child: ChildProcess;
    close(): void;
}

/** Starts a pack (`args` after the Node binary) in `cwd` and connects to the port it prints. */
export async function startAnalyzer(args: string[], cwd: string): Promise<Analyzer> {
    const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "inherit"] });
    const port = await new Promise<string>((resolve, reject) => {
        child.once("error", reject);
        child.once("exit", (code) => reject(new Error(`policy pack exited with ${code}`)));
        child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
    });
    const client = new rpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return {
        client,
        child,
        close: () => {
            client.close();
            if (child.pid !== undefined) child.kill();
        },
    };
}

export function call<Req, Res>(
    client: rpc.AnalyzerClient,
    method: "configure" | "analyze" | "analyzeStack" | "getAnalyzerInfo",
    req: Req,
): Promise<Res> {
    return new Promise((resolve, reject) => {
        const fn = (
            client[method] as unknown as (r: Req, cb: (e: grpc.ServiceError | null, r: Res) => void) => void
        ).bind(client);
        fn(req, (e, r) => (e ? reject(e) : resolve(r)));
    });
}

/** The names of the pack's policies, as the engine lists them. */
export async function policyNames(client: rpc.AnalyzerClient): Promise<string[]> {
    const info = await call<Empty, pb.AnalyzerInfo>(client, "getAnalyzerInfo", new Empty());
    return info.getPoliciesList().map((p) => p.getName());
}

export function resourceOptions(parent?: string): pb.AnalyzerResourceOptions {
    const o = new pb.AnalyzerResourceOptions();
    if (parent) o.setParent(parent);
    return o;
}

/** One resource through Analyze: `[policy, message]` per diagnostic, without the description line. */
export async function analyzeResource(
    client: rpc.AnalyzerClient,
    r: { type: string; urn: string; name: string; inputs: Record<string, unknown>; parent?: string },
): Promise<[string, string][]> {
    const req = new pb.AnalyzeRequest();
    req.setType(r.type);
    req.setUrn(r.urn);
    req.setName(r.name);
    req.setProperties(Struct.fromJavaScript(r.inputs as never));
    req.setOptions(resourceOptions(r.parent));
    const resp = await call<pb.AnalyzeRequest, pb.AnalyzeResponse>(client, "analyze", req);
    // The server prefixes each message with the policy's description and a newline.
    return resp.getDiagnosticsList().map((d) => [d.getPolicyname(), d.getMessage().split("\n").slice(1).join("\n")]);
}
