// @ts-check
/**
 * Preloaded by the bench (`node --require bench/rusage.js ...`) into each process it times: when the process ends,
 * writes what the kernel accounted for it (CPU seconds, peak resident memory) as JSON to $BENCH_RUSAGE_FILE.
 * Plain JavaScript, so it loads before anything else and costs nothing measurable.
 */
"use strict";
const file = process.env.BENCH_RUSAGE_FILE;
if (file) {
    process.on("exit", () => {
        const r = process.resourceUsage();
        const usage = { cpu: (r.userCPUTime + r.systemCPUTime) / 1e6, maxRssMiB: r.maxRSS / 1024 };
        require("node:fs").writeFileSync(file, JSON.stringify(usage));
    });
}
