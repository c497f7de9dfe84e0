import { EXPLORER_OUT_DIR, buildExplorer } from '../explore/build';

// Usage: node dist/src/tools/cli/build-explorer.js [OUT_DIR] (default dist/explore).
const outDir = process.argv[2] ?? EXPLORER_OUT_DIR;
buildExplorer(outDir).then(
  () => process.stdout.write(`Wrote the explorer bundle to ${outDir}\n`),
  (error: unknown) => {
    process.stderr.write(`Could not build the explorer: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
