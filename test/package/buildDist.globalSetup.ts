/**
 * Vitest global setup (`globalSetup` in vitest.config.mts): builds `dist/` clean before any test file runs, so the
 * package tests and the examples (which import `azure-ai-models`, that is `dist/`) see one finished build and no
 * test file rebuilds it under another's feet. About 12 seconds, and only when the library's sources changed since
 * the last build (see `buildDistOnce`).
 */
import type { TestProject } from "vitest/node";
import { buildDistOnce, DIST_BUILT } from "./dist";

export default function setup(project: TestProject): void {
    buildDistOnce();
    project.provide(DIST_BUILT, true);
}
