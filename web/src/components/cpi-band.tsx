import { useMemo, type ReactElement } from 'react';
import { NumberField } from './number-field.js';
import { useI18n, usePageStrings } from '../i18n/lang.js';
import { observedCpiBasis, type CpiBandBasis } from '../record/compute.js';
import type { RecordCore } from '../record/record-core.js';
import { useNumberParam, useQueryParam } from '../router.js';

const S = {
  en: {
    legend: 'CPI band for projected years',
    source: 'Low and high CPI from',
    fromRecord: 'the record: lowest and highest of N years',
    own: 'my own values',
    years: 'N (observed years)',
    low: 'Low CPI growth (%/year)',
    high: 'High CPI growth (%/year)',
    col: 'At CPI {rate} ({which})',
    lowWord: 'low',
    highWord: 'high',
    basisRecord:
      'Band (projection): the amounts with ROK CPI growth held at {low} and at {high} in every projected year, beside the central assumption of {central}. {low} and {high} are the lowest ({lowYear}) and highest ({highYear}) annual CPI growth observed in {from}–{to} (sources: {origin}). Each path goes through the rule exactly (rounded to 0.1 pp, cap and floor applied): a range of observed outcomes, not a probability interval.',
    basisOwn:
      'Band (projection): the amounts with ROK CPI growth held at {low} and at {high} (your values) in every projected year, beside the central assumption of {central}. Each path goes through the rule exactly (rounded to 0.1 pp, cap and floor applied).',
    none: 'No year of this schedule rests on projected CPI, so it has no band.',
  },
  ko: {
    legend: '전망 연도의 물가 범위',
    source: '하단·상단 물가 상승률',
    fromRecord: '기록: 최근 N년 실적의 최저·최고',
    own: '직접 입력',
    years: 'N (실적 연도 수)',
    low: '하단 물가 상승률 (%/년)',
    high: '상단 물가 상승률 (%/년)',
    col: '물가 {rate} 시 ({which})',
    lowWord: '하단',
    highWord: '상단',
    basisRecord:
      '범위 (전망치): 전망 연도마다 소비자물가 상승률을 {low}, {high}로 두고 계산한 금액이며, 중앙값은 가정치 {central}입니다. {low}와 {high}는 {from}–{to}년 실적 중 최저({lowYear}년)와 최고({highYear}년)의 연간 상승률입니다 (출처: {origin}). 각 경로에 규칙을 그대로 적용했습니다 (0.1%p 반올림, 상한·하한). 확률 구간이 아니라 실제로 관측된 범위입니다.',
    basisOwn:
      '범위 (전망치): 전망 연도마다 소비자물가 상승률을 {low}, {high}(직접 입력)로 두고 계산한 금액이며, 중앙값은 가정치 {central}입니다. 각 경로에 규칙을 그대로 적용했습니다 (0.1%p 반올림, 상한·하한).',
    none: '이 일정에는 물가 전망치에 기대는 연도가 없어 범위가 없습니다.',
  },
};

/** The band's basis with the words that say where it comes from, in the current language. */
export interface CpiBandView {
  readonly basis: CpiBandBasis;
  /** One sentence: what the band is and where low and high come from. */
  readonly note: string;
  /** The source titles quoted in `note`, shown as citations. */
  readonly citations: readonly string[];
  readonly lowHeader: string;
  readonly highHeader: string;
  readonly noneNote: string;
}

const fill = (text: string, values: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m));

/** The first source title of an origin ("title <url>; title <url>"), without its URL. */
const firstTitle = (origin: string): string => (origin.split(/(?<=>); /)[0] ?? origin).replace(/ <[^>]*>$/, '');

/**
 * The CPI band the reader chose, kept in the URL (`band=own&bandLow=1&bandHigh=4`, or `bandYears=10` for the record's
 * extremes), with its fields. Central is the page's own CPI assumption (percent).
 */
export function useCpiBand(
  record: RecordCore,
  centralPercent: number,
): { view: CpiBandView | null; fields: ReactElement } {
  const s = usePageStrings(S);
  const i = useI18n();
  const [source, setSource] = useQueryParam('band', 'record');
  const [years, setYears] = useNumberParam('bandYears', 10);
  const observed = useMemo(() => observedCpiBasis(record, years), [record, years]);
  const [lowPct, setLow] = useNumberParam('bandLow', observed ? round(observed.low * 100) : 1);
  const [highPct, setHigh] = useNumberParam('bandHigh', observed ? round(observed.high * 100) : 4);
  const own = source === 'own';
  const basis: CpiBandBasis | null = own ? { low: lowPct / 100, high: highPct / 100, observed: null } : observed;
  const view = useMemo<CpiBandView | null>(() => {
    if (!basis) return null;
    const o = basis.observed;
    const values = {
      low: i.rate(basis.low),
      high: i.rate(basis.high),
      central: i.rate(centralPercent / 100),
      lowYear: o?.low.year ?? '',
      highYear: o?.high.year ?? '',
      from: o?.from ?? '',
      to: o?.to ?? '',
      origin: o ? `${o.low.year}: ${firstTitle(o.low.origin)} · ${o.high.year}: ${firstTitle(o.high.origin)}` : '',
    };
    return {
      basis,
      note: fill(o ? s.basisRecord : s.basisOwn, values),
      citations: o ? [firstTitle(o.low.origin), firstTitle(o.high.origin)] : [],
      lowHeader: fill(s.col, { rate: values.low, which: s.lowWord }),
      highHeader: fill(s.col, { rate: values.high, which: s.highWord }),
      noneNote: s.none,
    };
    // basis is rebuilt each render; its numbers are what the memo follows
  }, [basis?.low, basis?.high, basis?.observed, centralPercent, i, s]);
  const fields = (
    <fieldset style={{ minWidth: 0 }}>
      <legend>{s.legend}</legend>
      <div className="field">
        <label htmlFor="band-source">{s.source}</label>
        <select
          id="band-source"
          value={own ? 'own' : 'record'}
          onChange={(e) => setSource(e.target.value)}
          style={{ maxWidth: '100%' }}
        >
          <option value="record">{s.fromRecord}</option>
          <option value="own">{s.own}</option>
        </select>
      </div>
      {own ? (
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <NumberField label={s.low} value={lowPct} min={-5} max={20} step={0.1} onChange={setLow} />
          <NumberField label={s.high} value={highPct} min={-5} max={20} step={0.1} onChange={setHigh} />
        </div>
      ) : (
        <NumberField label={s.years} value={years} min={2} max={19} step={1} integer onChange={setYears} />
      )}
    </fieldset>
  );
  return { view, fields };
}

const round = (x: number): number => Math.round(x * 1e6) / 1e6;
