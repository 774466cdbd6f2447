/** `npm run preflight`: the preflight command (`command.ts`) as a process; exit codes there and in docs/preflight.md. */
import { preflightCommand } from "./command";

void preflightCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
});
