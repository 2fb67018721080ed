import { describe, expect, it } from 'vitest';
import { commonBrief, confidentialBrief, domesticOutlook } from './briefs.js';
import { SMA_11_TALKS } from './fixtures.js';

const S = SMA_11_TALKS;
const outlook = domesticOutlook(S);

describe('briefs', () => {
  it('tells both sides the expiry and the furlough in English and Korean', () => {
    const b = commonBrief(S);
    // Expiry 2019-12-31 (event sma11-2019-12-31-expiry); 9,000 workers, 3 funded months (context furlough_2020).
    expect(b.en.paragraphs.join(' ')).toContain('expires on 2019-12-31');
    expect(b.en.paragraphs.join(' ')).toContain('9000 Korean workers for 3 months');
    expect(b.ko.paragraphs.join(' ')).toContain('2019-12-31에 만료');
  });

  it("gives the ROK its reservation value on the date and the Assembly's odds, and nothing of the US's", () => {
    const rok = confidentialBrief(S, 'rok', outlook, '2019-09-24');
    const text = rok.en.paragraphs.join(' ');
    expect(text).toContain('reservation value (the score of no deal) is 0.700 on 2019-09-24');
    expect(text).toContain("20th National Assembly's likely consent");
    expect(text).not.toContain('Washington');
    expect(rok.ko.title).toBe('대외비 — 한국 대표단');
  });

  it('lowers the reservation value in the brief once the lapse has run four months', () => {
    // ROK: 0.7 − 4 × 0.005 − 0.1 × 4,500/9,000 = 0.630 on 2020-04-01.
    expect(confidentialBrief(S, 'rok', outlook, '2020-04-01').en.paragraphs.join(' ')).toContain(
      'is 0.630 on 2020-04-01',
    );
  });

  it("gives the US the President's demand: the US-best terms", () => {
    const us = confidentialBrief(S, 'us', outlook, '2019-09-24').en.paragraphs[0];
    expect(us).toContain('first-year-change +470.0 %, duration 1 years, escalation-index rok-defense-budget-growth');
  });
});
