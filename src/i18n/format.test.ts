import { describe, expect, it } from 'vitest';
import { formatRate, formatUsd, formatWonEn, formatWonKo } from './format.js';

describe('Korean and English money formats', () => {
  // glossary.md: 1조 5,192억 원 = 1,519,200,000,000 won = "1.5192 trillion won"
  it('writes the 12th SMA 2026 amount as 1조 5,192억 원 and KRW 1.5192 tn', () => {
    expect(formatWonKo(1_519_200_000_000)).toBe('1조 5,192억 원');
    expect(formatWonEn(1_519_200_000_000)).toBe('KRW 1.5192 tn');
  });

  it('writes amounts below a trillion in 억 and bn', () => {
    expect(formatWonKo(960_200_000_000)).toBe('9,602억 원');
    expect(formatWonEn(960_200_000_000)).toBe('KRW 960.2 bn');
  });

  it('writes per-soldier amounts in 만 and m, exact to the won on request', () => {
    expect(formatWonKo(53_305_263)).toBe('5,331만 원');
    expect(formatWonKo(53_305_263, { exact: true })).toBe('5,330만 5,263원');
    expect(formatWonKo(1_473_235_065_943)).toBe('1조 4,732억 원');
    expect(formatWonEn(53_305_263)).toBe('KRW 53.3 m');
  });

  it('writes dollars in both languages', () => {
    expect(formatUsd(5_000_000_000, 'en')).toBe('USD 5 bn');
    expect(formatUsd(1_300_000_000, 'ko')).toBe('13억 달러');
    // the same precision as the English USD 1.068 bn and USD 150 m, not rounded to the 억 (2억 달러 was USD 150 m)
    expect(formatUsd(1_068_234_235, 'ko')).toBe('10억 6,800만 달러');
    expect(formatUsd(150_000_000, 'ko')).toBe('1억 5,000만 달러');
    expect(formatUsd(150_000_000, 'en')).toBe('USD 150 m');
  });

  it('writes rates as signed percentages', () => {
    expect(formatRate(0.083, { signed: true })).toBe('+8.3%');
    expect(formatRate(-0.089)).toBe('-8.9%');
    expect(formatRate(0)).toBe('0.0%');
  });
});
