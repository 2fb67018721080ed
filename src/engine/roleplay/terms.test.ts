import { describe, expect, it } from 'vitest';
import { SMA_11_TALKS } from './fixtures.js';
import { civilDateText, civilSpanText, issueName, valueText } from './terms.js';

const S = SMA_11_TALKS;

describe('terms', () => {
  it('names issues, values and dates for people in either language', () => {
    const duration = S.domain.issues[1]!;
    expect([valueText(duration, 5, 'en'), valueText(duration, 5, 'ko')]).toEqual(['5 years', '5년']);
    expect(valueText(S.domain.issues[0]!, 0.139, 'ko')).toBe('+13.9%');
    expect(issueName('escalation-index', 'ko')).toBe('인상 지표');
    expect(civilDateText('2021-03-07', 'ko')).toBe('2021년 3월 7일');
    expect(civilDateText('2021-03-07', 'en')).toBe('2021-03-07');
  });

  it('writes a session of several days from its first to its last day, one date for a day', () => {
    // round 9 of the 11th talks, 5–7 March 2021; round 8 of the 12th, 25–27 September 2024; a span over a month's end
    expect(civilSpanText('2021-03-05', '2021-03-07', 'ko')).toBe('2021년 3월 5~7일');
    expect(civilSpanText('2021-03-05', '2021-03-07', 'en')).toBe('2021-03-05 – 2021-03-07');
    expect(civilSpanText('2024-09-30', '2024-10-02', 'ko')).toBe('2024년 9월 30일~10월 2일');
    expect(civilSpanText('2024-12-31', '2025-01-01', 'ko')).toBe('2024년 12월 31일~2025년 1월 1일');
    expect(civilSpanText('2021-02-05', '2021-02-05', 'ko')).toBe('2021년 2월 5일');
  });
});
