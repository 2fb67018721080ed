import { describe, expect, it } from 'vitest';
import { SMA_11_TALKS } from './fixtures.js';
import { civilDateText, issueName, valueText } from './terms.js';

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
});
