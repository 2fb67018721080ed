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
    expect(b.en.paragraphs.join(' ')).toContain('9,000 Korean workers for 3 months');
    expect(b.ko.paragraphs.join(' ')).toContain('2019년 12월 31일에 만료');
    expect(b.ko.paragraphs.join(' ')).toContain('한국인 근로자 9,000명');
  });

  it("gives the ROK its reservation value on the date and the Assembly's odds, and nothing of the US's", () => {
    const rok = confidentialBrief(S, 'rok', outlook, '2019-09-24');
    const text = rok.en.paragraphs.join(' ');
    expect(text).toContain('reservation value (the score of no deal) is 0.972 on 2019-09-24');
    expect(text).toContain("20th National Assembly's likely consent");
    expect(text).not.toContain('Washington');
    expect(rok.ko.title).toBe('대외비 — 한국 대표단');
  });

  it('lowers the reservation value in the brief once the lapse has run four months', () => {
    // ROK: 0.972 − 4 × 0.005 − 0.1 × 3,996/9,000 = 0.9076 on 2020-04-01.
    expect(confidentialBrief(S, 'rok', outlook, '2020-04-01').en.paragraphs.join(' ')).toContain(
      'is 0.908 on 2020-04-01',
    );
  });

  it("gives the US the President's demand: the US-best terms", () => {
    const us = confidentialBrief(S, 'us', outlook, '2019-09-24').en.paragraphs[0];
    expect(us).toContain('first-year increase +470.0 %, term 1 year, escalation index ROK defense budget growth');
  });

  it("writes the Korean briefs in the glossary's terms with Korean dates and numbers", () => {
    // Glossary: 첫해 인상률 (increase rate), 국방비 증가율, 소비자물가지수(CPI) 증가율, 무급휴직, 유보가치, 국회 비준 동의.
    const common = commonBrief(S).ko.paragraphs.join(' ');
    expect(common).toContain('첫해 인상률: +0.0% – +470.0%');
    expect(common).toContain('인상 지표: 없음 / 소비자물가지수(CPI) 증가율 / 국방비 증가율');
    expect(common).toContain('첫 회의는 2019년 9월 24일이며');
    expect(common).toContain('44.4%가 무급휴직');
    const rok = confidentialBrief(S, 'rok', outlook, '2019-09-24').ko.paragraphs.join(' ');
    expect(rok).toContain('2019년 9월 24일 기준 유보가치(협상 결렬 시 가치)는 0.972');
    expect(rok).toContain('우선순위: 첫해 인상률 80.0%');
    expect(rok).toContain('제20대 국회 비준 동의 가능성: 0.0% → ');
    expect(rok).not.toMatch(/first-year-change|National Assembly/);
  });
});
