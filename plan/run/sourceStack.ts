/**
 * An error as the plan reports it: its stack, with each frame in a TypeScript file pointing at the TypeScript line.
 * `plan/runTs.js` (what the npm scripts start) runs TypeScript without source maps, for speed, and maps a stack back
 * only when one is reported, through the function it publishes here; elsewhere (vitest, tsx, plain JavaScript) the
 * stack is left as the runtime gave it.
 */
const REMAP = Symbol.for("azure-ai-models.remapStack");

export function sourceStack(e: unknown): string {
    if (!(e instanceof Error)) return String(e);
    const text = e.stack ?? e.message;
    const remap = (globalThis as { [REMAP]?: (stack: string) => string })[REMAP];
    return remap ? remap(text) : text;
}
