/**
 * The plan command in this process (`plan/cli/command.ts`, what `npm run plan` runs): its exit code and what it
 * printed. Each call runs the stack program afresh, as the command does in its own process; only the process
 * itself is left out (its exit codes are checked as processes in test/plan/process.test.ts).
 */
import * as path from "node:path";
import { planCommand } from "../../plan/cli/command";

export const ROOT = path.resolve(__dirname, "../..");

export interface CommandRun {
    code: number;
    stdout: string;
    stderr: string;
}

/** `npm run plan -- ARGS` in the repository root. */
export async function plan(args: string[]): Promise<CommandRun> {
    let stdout = "";
    let stderr = "";
    const code = await planCommand(args, {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
    });
    return { code, stdout, stderr };
}
