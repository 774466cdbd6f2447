/** Runs Node with `args` as a process without blocking the test worker; resolves with its exit code and output. */
import { spawn } from "node:child_process";

export interface ProcessRun {
    code: number | null;
    stdout: string;
    stderr: string;
}

export function runNode(args: string[], cwd: string, timeout = 180_000): Promise<ProcessRun> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, args, { cwd, timeout });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
        child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
}
