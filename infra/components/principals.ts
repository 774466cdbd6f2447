/**
 * The principals list a component grants its role to has one name, `principals`, as in the stack config
 * (`workspace.principals`, `foundry.principals`). The names it had before (`AiWorkspace.aiDevelopers`,
 * `FoundryAccount.foundryUsers`) still work as deprecated aliases: the component warns once per program, and refuses
 * both names at once (two lists would leave one of them silently unused).
 */
import * as pulumi from "@pulumi/pulumi";
import { duplicatePrincipals, type ArgProblem } from "../config/args";

/**
 * The aliases warned about, per program (per engine connection: a program run has one; tests under the mock
 * runtime get a new one for each program), so each warning is printed once per program.
 */
const WARNED = new WeakMap<object, Set<string>>();
const NO_MONITOR = {};

function warnedIn(): Set<string> {
    const key = (pulumi.runtime.getMonitor() as object | undefined) ?? NO_MONITOR;
    let set = WARNED.get(key);
    if (!set) WARNED.set(key, (set = new Set()));
    return set;
}

/** What a component's principals arguments come to: the list to grant, and the problems with the arguments. */
export interface PrincipalsArg<T> {
    /** The list under whichever name was given. @default - [] */
    list: T[];
    /** Both names given, or a principal listed twice (under the name given). */
    problems: ArgProblem[];
    /** The deprecated name used, if one was: {@link warnDeprecatedPrincipals} warns about it once. */
    deprecated?: string;
}

/**
 * Reads `principals` or its deprecated alias. `role` names the role the principals get (for the repeat message).
 */
export function principalsArg<T extends { principalId: unknown }>(
    component: string,
    args: { principals?: T[] } & Record<string, unknown>,
    alias: string,
    role: string,
): PrincipalsArg<T> {
    const old = args[alias] as T[] | undefined;
    if (args.principals !== undefined && old !== undefined)
        return {
            list: args.principals,
            problems: [
                {
                    propertyPath: alias,
                    reason: `is the deprecated name of principals, which is given too; give the list once, as principals`,
                },
            ],
        };
    const name = old !== undefined ? alias : "principals";
    const list = (old ?? args.principals ?? []) as T[];
    return {
        list,
        problems: duplicatePrincipals(name, list, role),
        ...(old !== undefined ? { deprecated: `${component}.${alias}` } : {}),
    };
}

/** Warns once per program that a deprecated principals name is in use. */
export function warnDeprecatedPrincipals(arg: PrincipalsArg<unknown>, resource: pulumi.Resource): void {
    const warned = warnedIn();
    if (arg.deprecated === undefined || warned.has(arg.deprecated)) return;
    warned.add(arg.deprecated);
    void pulumi.log.warn(
        `${arg.deprecated} is deprecated: rename it to principals (the name the stack config and every component use); the old name will be removed in a future major version`,
        resource,
    );
}
