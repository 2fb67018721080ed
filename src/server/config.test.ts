import { describe, expect, it } from 'vitest';
import { parseServerConfig } from './config.js';

describe('parseServerConfig', () => {
  it('listens on loopback port 8080 with the documented limits when nothing is set', () => {
    const parsed = parseServerConfig({});
    expect(parsed.ok && parsed.value).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: '.sma-data',
      logLevel: 'info',
      limits: {
        bodyBytes: 1_048_576,
        jsonDepth: 32,
        runsPerJob: 100_000,
        jobsPerClient: 2,
        outcomesPerJob: 250_000,
        chunkTimeMs: 120_000,
        chunkMemoryMb: 1024,
      },
    });
  });

  it('keeps 1000 schedule responses by default and none when SMA_SCHEDULE_CACHE_ENTRIES is 0', () => {
    const entries = (env: Record<string, string>) => {
      const parsed = parseServerConfig(env);
      return parsed.ok ? parsed.value.scheduleCacheEntries : parsed.issues.map((i) => i.variable);
    };
    expect([entries({}), entries({ SMA_SCHEDULE_CACHE_ENTRIES: '0' })]).toEqual([1000, 0]);
    expect(entries({ SMA_SCHEDULE_CACHE_ENTRIES: '-1' })).toEqual(['SMA_SCHEDULE_CACHE_ENTRIES']);
  });

  it('reads numbers from strings and treats empty variables as unset', () => {
    const parsed = parseServerConfig({ PORT: '9000', HOST: '', SMA_MAX_RUNS_PER_JOB: '500' });
    expect(parsed.ok && [parsed.value.port, parsed.value.host, parsed.value.limits.runsPerJob]).toEqual([
      9000,
      '127.0.0.1',
      500,
    ]);
  });

  it('names every bad variable', () => {
    const parsed = parseServerConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(parsed.ok ? [] : parsed.issues.map((issue) => issue.variable)).toEqual([
      'PORT',
      'DATABASE_URL',
      'LOG_LEVEL',
    ]);
  });
});
