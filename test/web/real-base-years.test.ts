import { describe, expect, it } from 'vitest';
import { loadRecord } from '../../src/io/load-record.js';
import { LAST_AGREEMENT_YEAR, realBaseYears } from '../../web/src/record/compute.js';

describe('real-won base years offered by Calculator and Compare', () => {
  it('start at the first price level the record’s CPI reaches and end with the last agreement year', () => {
    const record = loadRecord();
    if (!record.ok) throw new Error('record did not load');
    // index-series.json: ROK CPI growth from 1990, so prices of 1989 are the earliest the series reaches.
    expect(realBaseYears(record.value)).toEqual({ min: 1989, max: LAST_AGREEMENT_YEAR });
  });
});
