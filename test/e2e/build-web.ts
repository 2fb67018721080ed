import { fileURLToPath } from 'node:url';
import { build } from 'vite';

export const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Builds web/ into web/dist with the project's Vite config, quietly, so tests run against what ships. */
export async function buildWeb(): Promise<void> {
  await build({ configFile: fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url)), logLevel: 'error' });
}
