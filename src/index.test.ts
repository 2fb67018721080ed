import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the entry point `sma-lab` (src/index.ts)', () => {
  it('bundles for a browser: no Node built-ins, nothing from the store, the server, the CLI or the worker pools', async () => {
    const result = await build({
      entryPoints: [new URL('./index.ts', import.meta.url).pathname],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
    const sources = Object.keys(result.metafile.inputs).filter((f) => f.startsWith('src/'));
    expect(sources.filter((f) => /^src\/(store|server|cli|sim|roleplay)\//.test(f))).toEqual([]);
    // Nor the test fixtures, which the package leaves out (`files` in package.json).
    expect(sources.filter((f) => f.includes('fixtures'))).toEqual([]);
    expect(sources.some((f) => f.startsWith('src/engine/'))).toBe(true);
  }, 60_000);
});
