import { parseServerConfig, type ServerConfig } from './config.js';

/** The default configuration with overrides, for tests and the bench. */
export function testConfig(env: Record<string, string> = {}): ServerConfig {
  const parsed = parseServerConfig({ SMA_JOB_THREADS: '2', SMA_WEB_DIST: '/nonexistent-web-dist', ...env });
  if (!parsed.ok) throw new Error(`bad test config: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}
