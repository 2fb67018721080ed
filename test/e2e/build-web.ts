import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * Builds web/ into web/dist (or `outDir`: test files run in parallel, so each needs its own) with the project's Vite
 * config, quietly, so tests run against what ships.
 */
export async function buildWeb(outDir: string = webDist): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)),
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  });
}
