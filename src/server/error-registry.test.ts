import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT, EXIT_FAILURE, errorCodes, errorKindOf } from './error-registry.js';
import { exitCodeFor } from '../cli/errors.js';
import { statusOfCode } from './errors.js';
import { roleplayHttpError } from './roleplay-routes.js';

describe('the error registry', () => {
  it('gives a move out of turn one status on every route: 409, the table moved on', () => {
    expect(statusOfCode('negotiation/out_of_turn')).toBe(409);
    const http = roleplayHttpError({ code: 'negotiation/out_of_turn', details: {} } as never);
    expect([http.status, http.body.error.code]).toEqual([409, 'negotiation/out_of_turn']);
  });

  it('keeps the CLI’s exit codes: 2 for what the user gave, 1 for the rest', () => {
    const exit = (code: string) => exitCodeFor([{ code, message: '' }]);
    expect(
      [
        'cli/usage',
        'file/unreadable',
        'agreement/invalid_file',
        'scenario/not_found',
        'schedule/index_missing',
        'domain/invalid',
        'tournament/empty',
        'calibration/no_talks',
      ].map(exit),
    ).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    expect(['store/not_found', 'io/invalid_file', 'metrics/not_found', 'server/internal'].map(exit)).toEqual([
      1, 1, 1, 1,
    ]);
    expect(
      exitCodeFor([
        { code: 'cli/usage', message: '' },
        { code: 'store/unavailable', message: '' },
      ]),
    ).toBe(1);
  });

  it('words every registered code in English and in Korean', () => {
    for (const [code, kind] of Object.entries(errorCodes)) {
      expect(kind.en, code).toMatch(/^[A-Z].*\.$/);
      expect(kind.ko, code).toMatch(/[가-힣]/);
      expect([EXIT_BAD_INPUT, EXIT_FAILURE], code).toContain(kind.exit);
    }
  });

  it('falls back from the exact code to its last segment, then to its area', () => {
    expect(errorKindOf('document/not_found').status).toBe(404);
    expect(errorKindOf('store/version_conflict').status).toBe(409);
    expect(errorKindOf('schedule/index_missing').status).toBe(422);
    expect(errorKindOf('store/disk_full').status).toBe(500);
    expect(errorKindOf('request/host_not_allowed').status).toBe(421);
  });
});
