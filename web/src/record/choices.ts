import { useMemo } from 'react';
import type { Agreement, YearRule } from '../../../src/index.js';
import type { AgreementFileData } from '../../../src/io/agreement-file-schema.js';
import { buildAgreement, type BaseLookup } from '../../../src/io/rules.js';
import type { Lang } from '../../../src/i18n/format.js';
import { useApi } from '../api.js';
import type { RecordCore } from './record-core.js';

/** A saved document as GET /api/documents/proposal lists it; body is an agreement file. */
interface SavedDocument {
  readonly id: string;
  readonly name: string;
  readonly body: unknown;
  readonly version: number;
}

const years = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, k) => from + k);

/**
 * The alternatives an analyst compares the 12th SMA with over 2026–2035 (USERS.md), written as agreement data
 * from the 2025 amount of 1.4028 tn won (MOFA's 12th-SMA release): a fixed 5 % a year, the 11th SMA's
 * defense-budget indexation, and the 12th SMA's CPI rule carried on to 2035.
 */
export function alternatives(record: RecordCore, lang: Lang = 'en'): readonly Agreement[] {
  const ko = lang === 'ko';
  const sma12 = record.agreements.find((a) => a.id === 'sma-12')?.agreement;
  const base = { year: 2025, amount: 1_402_800_000_000 };
  const make = (id: string, name: string, rules: YearRule[]): Agreement => ({
    id,
    name,
    currency: 'KRW',
    unit: 100_000_000,
    base,
    rules,
    kind: 'proposal',
  });
  const list: Agreement[] = [
    make(
      'alt-fixed-5',
      ko ? '매년 5% 고정 인상, 2026~2035년' : 'Fixed +5 % a year, 2026–2035',
      years(2026, 2035).map((year) => ({ year, rule: { kind: 'change', rate: 0.05 } })),
    ),
    make(
      'alt-defense-index',
      ko
        ? '전년도 국방비 증가율, 상한 없음 (제11차 협정 방식), 2026~2035년'
        : 'Defense-budget growth of Y−1, no cap (11th SMA rule), 2026–2035',
      years(2026, 2035).map((year) => ({
        year,
        rule: { kind: 'index', series: 'rok-defense-budget-growth', lag: 1, cap: null, floor: null, precision: 0.001 },
      })),
    ),
  ];
  if (sma12) {
    const cpiRule = sma12.rules[sma12.rules.length - 1]?.rule;
    if (cpiRule)
      list.unshift({
        ...sma12,
        id: 'sma-12-to-2035',
        name: ko ? '제12차 협정 방식을 2035년까지 연장' : '12th SMA rule carried on to 2035',
        kind: 'proposal',
        rules: [...sma12.rules, ...years(2031, 2035).map((year) => ({ year, rule: cpiRule }))],
      });
  }
  return list;
}

/** The published amount of a record agreement's last year, for a saved agreement whose base is `{ agreement }`. */
const lookupBase =
  (record: RecordCore): BaseLookup =>
  (id, currency) => {
    const a = record.agreements.find((x) => x.id === id);
    if (!a) return 'unknown_agreement';
    const last = a.publishedAmounts.find((y) => y.year === a.lastYear);
    const amount = currency === 'KRW' ? last?.krw : last?.usd;
    return amount == null ? 'no_amount' : { year: a.lastYear, amount };
  };

/** The record's agreements and proposals, the analyst's alternatives, then the user's saved proposals. */
export function useAgreementChoices(record: RecordCore | null, lang: Lang): readonly Agreement[] {
  const saved = useApi<readonly SavedDocument[]>('/api/documents/proposal');
  return useMemo(() => {
    if (!record) return [];
    const list: Agreement[] = [
      // The record's names in the reader's language (the record holds both); a user's saved name stays as written.
      ...record.agreements.map((a) => (lang === 'ko' ? { ...a.agreement, name: a.nameKo } : a.agreement)),
      ...record.proposals.map((p) => (lang === 'ko' ? { ...p.agreement, name: p.nameKo } : p.agreement)),
      ...alternatives(record, lang),
    ];
    if (saved.state === 'ok')
      for (const d of saved.data) {
        // The server validated the body as an agreement file when it was saved; only its rules are expanded here.
        const file = d.body as AgreementFileData;
        const built = buildAgreement({ ...file, kind: 'proposal' }, new Set(record.indices.keys()), lookupBase(record));
        if (built.ok && !list.some((a) => a.id === built.value.agreement.id)) list.push(built.value.agreement);
      }
    return list;
  }, [record, saved, lang]);
}
