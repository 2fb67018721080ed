import { describe, expect, it } from 'vitest';
import { ApiFailure, formatPath, httpErrorOf, httpErrorOfThrown, rawClientError, statusOfCode } from './errors.js';

describe('statusOfCode', () => {
  it('maps codes of every layer to the status a client should act on', () => {
    expect(
      [
        'request/invalid',
        'request/json_too_deep',
        'request/body_too_large',
        'job/too_many_runs',
        'job/too_many_jobs',
        'job/not_found',
        'schedule/index_missing',
        'store/not_found',
        'store/version_conflict',
        'store/duplicate',
        'store/unavailable',
        'scenario/invalid_field',
        'solutions/frontier_invalid',
        'store/disk_full',
        'server/internal',
      ].map(statusOfCode),
    ).toEqual([400, 400, 413, 422, 429, 404, 422, 404, 409, 409, 503, 422, 422, 500, 500]);
  });
});

describe('httpErrorOf', () => {
  it('words a failure without a message from its plain details', () => {
    expect(httpErrorOf({ code: 'schedule/index_missing', series: 'rok-cpi', year: 2031 })).toEqual({
      status: 422,
      body: { error: { code: 'schedule/index_missing', message: 'schedule/index_missing: series rok-cpi, year 2031' } },
    });
  });

  it('words a store error from its nested details', () => {
    const http = httpErrorOf({
      code: 'store/conflict',
      details: { entity: 'document', id: 'x', expected: 1, actual: 2 },
    });
    expect([http.status, http.body.error.message]).toEqual([
      409,
      'store/conflict: entity document, id x, expected 1, actual 2',
    ]);
  });

  it('passes issues through with every field present, each with its own code', () => {
    const issue = { path: 'rules[0]', code: 'custom', params: { rule: 'base_needed' }, message: 'm' } as const;
    const http = httpErrorOf({ code: 'io/invalid_file', message: 'bad', issues: [issue] });
    expect(http.body.error.issues).toEqual([{ ...issue, expected: '', found: '' }]);
  });
});

describe('httpErrorOfThrown', () => {
  it('tells a client nothing about an unexpected exception', () => {
    const http = httpErrorOfThrown(new Error('password=hunter2 at /srv/app.js:12'));
    expect(http).toEqual({
      status: 500,
      body: { error: { code: 'server/internal', message: 'Internal server error; the server log has the details.' } },
    });
  });

  it('unwraps a domain failure thrown by a handler', () => {
    expect(httpErrorOfThrown(new ApiFailure({ code: 'job/not_found', message: 'No job x.' })).status).toBe(404);
  });
});

describe('formatPath', () => {
  it('writes indices in brackets and keys with dots', () => {
    expect(formatPath('body', ['rules', 2, 'rule', 'rate'])).toBe('body.rules[2].rule.rate');
  });
});

describe('rawClientError', () => {
  it("answers the HTTP parser's refusals as raw HTTP in the error body, naming the parser's code", () => {
    const [head, body] = rawClientError('HPE_INVALID_METHOD').split('\r\n\r\n');
    expect(head?.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(JSON.parse(body ?? '')).toEqual({
      error: { code: 'request/invalid', message: 'The request is not valid HTTP (HPE_INVALID_METHOD).' },
    });
    expect(rawClientError('ERR_HTTP_REQUEST_TIMEOUT').split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
    expect(rawClientError('HPE_HEADER_OVERFLOW').split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
  });
});
