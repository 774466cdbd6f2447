/**
 * `npm run plan`: the plan command (`command.ts`) as a process. Exit codes: 0 the plan is valid and passes the
 * mandatory policies; 1 the config is invalid or a mandatory policy is violated; 2 the command line, project files or
 * policy config are wrong; 3 the plan itself failed.
 */
import { planCommand } from "./command";

// The exit code is set, not forced with process.exit(): the process ends when its output is flushed and nothing
// else is pending, so caches (Node's compile cache among them) finish writing.
void planCommand(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
});
