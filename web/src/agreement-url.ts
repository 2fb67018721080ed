import type { Agreement, EscalationRule, YearRule } from './types.js';

/** The 12th SMA as data: 2026 stated, then CPI of Y−2 capped at 5 % (MOFA, 2024-10-04); floor unknown, so none. */
export const sma12: Agreement = {
  id: 'sma-12',
  name: '12th SMA',
  currency: 'KRW',
  unit: 100_000_000,
  base: { year: 2025, amount: 1_402_800_000_000 },
  rules: [
    { year: 2026, rule: { kind: 'amount', amount: 1_519_200_000_000 } },
    ...[2027, 2028, 2029, 2030].map<YearRule>((year) => ({
      year,
      rule: { kind: 'index', series: 'rok-cpi', lag: 2, cap: 0.05, floor: null, precision: 0.001 },
    })),
  ],
  kind: 'agreement',
};

/** Reads an agreement from a URL param (JSON); null when absent or not an agreement. */
export function parseAgreement(raw: string | null): Agreement | null {
  if (!raw) return null;
  try {
    const a = JSON.parse(raw) as Agreement;
    if (typeof a !== 'object' || !a || !Array.isArray(a.rules) || typeof a.id !== 'string') return null;
    return a;
  } catch {
    return null;
  }
}

export const defaultRule = (prev: EscalationRule | undefined): EscalationRule => prev ?? { kind: 'change', rate: 0.05 };

/** Field-level problems of an agreement, keyed by a path like `rules.2.rate`, checked before asking the server. */
export function agreementProblems(a: Agreement, lang: 'en' | 'ko'): Map<string, string> {
  const p = new Map<string, string>();
  const msg = (en: string, ko: string) => (lang === 'ko' ? ko : en);
  if (!/^[a-z0-9-]+$/.test(a.id))
    p.set('id', msg('Use lower-case letters, digits and hyphens.', '영문 소문자, 숫자, 하이픈만 쓰세요.'));
  if (!a.name.trim()) p.set('name', msg('Give the agreement a name.', '이름을 입력하세요.'));
  if (a.base && !(a.base.amount > 0))
    p.set('base.amount', msg('The base amount must be positive.', '기준 금액은 0보다 커야 합니다.'));
  a.rules.forEach((r, k) => {
    const rule = r.rule;
    if (rule.kind === 'amount' && !(rule.amount > 0))
      p.set(`rules.${k}.amount`, msg('The amount must be positive.', '금액은 0보다 커야 합니다.'));
    if (rule.kind === 'change' && !(rule.rate > -0.5 && rule.rate <= 2))
      p.set(`rules.${k}.rate`, msg('Enter a change between −50 % and 200 %.', '-50%에서 200% 사이로 입력하세요.'));
    if (rule.kind === 'index') {
      if (rule.cap !== null && rule.floor !== null && rule.cap < rule.floor)
        p.set(`rules.${k}.cap`, msg('The cap is below the floor.', '상한이 하한보다 낮습니다.'));
      if (!(rule.lag >= 0 && rule.lag <= 5 && Number.isInteger(rule.lag)))
        p.set(`rules.${k}.lag`, msg('The lag is a whole number of years, 0–5.', '시차는 0–5년의 정수입니다.'));
    }
  });
  if (!a.base && a.rules[0]?.rule.kind !== 'amount')
    p.set(
      'rules.0.kind',
      msg('Without a base, the first year must state an amount.', '기준 금액이 없으면 첫 해는 금액을 정해야 합니다.'),
    );
  return p;
}
