import { loadRecord, type SmaRecord } from '../io/load-record.js';
import { parseServerConfig, type ServerConfig } from './config.js';

/** The default configuration with overrides, for tests and the bench. */
export function testConfig(env: Record<string, string> = {}): ServerConfig {
  const parsed = parseServerConfig({
    SMA_JOB_THREADS: '2',
    SMA_WEB_DIST: '/nonexistent-web-dist',
    // Tests and the bench are many clients on one address; the per-address limit has its own test.
    SMA_RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
  if (!parsed.ok) throw new Error(`bad test config: ${JSON.stringify(parsed.issues)}`);
  return parsed.value;
}

let cachedRecord: SmaRecord | undefined;

/** The bundled record, loaded once per test file. */
export function bundledRecord(): SmaRecord {
  if (cachedRecord) return cachedRecord;
  const loaded = loadRecord();
  if (!loaded.ok) throw new Error(`the bundled record does not load: ${JSON.stringify(loaded.error.slice(0, 3))}`);
  cachedRecord = loaded.value;
  return cachedRecord;
}
