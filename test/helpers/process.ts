/** Runs Node with `args` as a process without blocking the test worker; resolves with its exit code and output. */
import { spawn } from "node:child_process";
import * as path from "node:path";

export interface ProcessRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

export function runNode(args: string[], cwd: string, timeout = 180_000): Promise<ProcessRun> {
    return run(process.execPath, args, cwd, timeout);
}

/** Runs a command (a script of the repository) the same way, with this process's Node first on PATH. */
export function run(command: string, args: string[], cwd: string, timeout = 180_000): Promise<ProcessRun> {
    const env = { ...process.env, PATH: `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH ?? ""}` };
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd, timeout, env });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
        child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}
