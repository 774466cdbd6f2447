import * as pulumi from "@pulumi/pulumi";
import { argProblems, type ArgProblem, type ArgRules } from "../config/args";

/**
 * Throws one `InputPropertiesError` listing every problem with a component's plain arguments (the config's own
 * field rules, plus `extra` problems the component found itself), before the component registers anything.
 */
export function checkArgs(type: string, name: string, args: object, rules: ArgRules, extra: ArgProblem[] = []): void {
    const errors = [...argProblems(args, rules), ...extra];
    if (errors.length === 0) return;
    throw new pulumi.InputPropertiesError({
        message: `${type} ${name}: invalid arguments:\n${errors.map((e) => `${e.propertyPath}: ${e.reason}`).join("\n")}`,
        errors,
    });
}
