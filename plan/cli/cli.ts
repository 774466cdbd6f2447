/**
 * `npm run plan`: the plan command (`command.ts`) as a process. Exit codes: 0 the plan is valid and passes the
 * mandatory policies; 1 the plan has errors (an invalid config, type errors, or what Pulumi or Azure would refuse) or
 * a mandatory policy is violated; 2 the command line, project files or policy config are wrong; 3 the plan itself
 * failed, or the program never finished (see `command.ts`).
 */
import * as nodeModule from "node:module";
import { planCommand } from "./command";

let finished = false;
void planCommand(process.argv.slice(2)).then((code) => {
    finished = true;
    if (code === 3) {
        // A program that failed leaves the runtime's promises rejected behind it, which would end the process as a
        // crash (exit 1) after the error was reported: end it now, with the compile cache written first.
        nodeModule.flushCompileCache?.();
        process.exit(code);
    }
    // Otherwise the exit code is set, not forced: the process ends when its output is flushed and nothing else is
    // pending, so caches finish writing.
    process.exitCode = code;
});

// Nothing left to run while the plan is unfinished: the program waits for a value that never comes. The runtime's
// own exit handler (registered while the program ran, so before this one) reports the pending registrations, as
// under `pulumi preview`; this one then ends the plan as failed.
process.once("beforeExit", () => {
    if (finished) return;
    process.once("exit", () => {
        process.stderr.write(
            "plan failed: the program never finished: a resource registration or output waited for a value that never came\n",
        );
        process.exitCode = 3;
    });
});
