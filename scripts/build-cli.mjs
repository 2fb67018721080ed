// After tsc: write the validated record snapshot and bundle the `sma` command into dist/bundle/ for a fast cold start.
import { build } from 'esbuild';
import { loadRecord, DEFAULT_RECORD_DIR } from '../dist/io/load-record.js';
import { writeRecordSnapshot } from '../dist/io/record-snapshot.js';

const record = loadRecord();
if (!record.ok) {
  for (const e of record.error) console.error(`data/record/${e.message}`);
  process.exit(1);
}
writeRecordSnapshot(
  record.value,
  DEFAULT_RECORD_DIR,
  new URL('../dist/record.snapshot.json', import.meta.url).pathname,
);

await build({
  entryPoints: { sma: 'src/cli/bin.ts' },
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist/bundle',
  minify: true,
  // Worker threads load their modules by path (src/sim/worker-pool.ts): those stay in dist/ as tsc wrote them.
  // yaml's CommonJS build requires 'process'; ESM bundles have no require, so give them Node's.
  banner: {
    js: "import { createRequire as __smaRequire } from 'node:module'; const require = __smaRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
