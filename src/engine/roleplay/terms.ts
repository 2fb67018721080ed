/**
 * How role-play names issues, values and dates for people, in English and Korean (the Korean terms are the project
 * glossary's): shared by the briefs and the web page so a term reads the same everywhere.
 */
import type { CivilDate } from '../negotiation/calendar.js';
import type { Issue } from '../negotiation/domain.js';

export type Language = 'en' | 'ko';

// English names as the record and the press write them; an unknown issue or option keeps its id.
const ISSUE_EN: Readonly<Record<string, string>> = {
  'first-year-change': 'first-year increase',
  duration: 'term',
  'escalation-index': 'escalation index',
  'escalation-rate': 'annual increase cap',
};
const OPTION_EN: Readonly<Record<string, string>> = {
  none: 'none',
  'rok-cpi': 'ROK CPI growth',
  'rok-defense-budget-growth': 'ROK defense budget growth',
};
// Korean terms from the project glossary (/work/shared/glossary.md); an unknown issue or option keeps its id.
const ISSUE_KO: Readonly<Record<string, string>> = {
  'first-year-change': '첫해 인상률',
  duration: '협정 기간',
  'escalation-index': '인상 지표',
  'escalation-rate': '연간 인상률 상한',
};
const OPTION_KO: Readonly<Record<string, string>> = {
  none: '없음',
  'rok-cpi': '소비자물가지수(CPI) 증가율',
  'rok-defense-budget-growth': '국방비 증가율',
};
const UNIT_KO: Readonly<Record<string, string>> = { years: '년', months: '개월' };

/** An issue's name for people: "first-year-change" → "first-year increase", or the glossary's "첫해 인상률". */
export const issueName = (name: string, lang: Language): string => (lang === 'ko' ? ISSUE_KO : ISSUE_EN)[name] ?? name;

/**
 * A term's value for people: rates as signed percentages (Korean without the space: "+13.9%"), years with their unit
 * ("5 years", "5년"), options by their glossary term in Korean.
 * @example valueText({ kind: 'numeric', name: 'duration', min: 1, max: 6, step: 1, unit: 'years' }, 5, 'ko') // '5년'
 */
export function valueText(issue: Issue, value: number | string, lang: Language): string {
  if (issue.kind === 'categorical' || typeof value === 'string')
    return (lang === 'ko' ? OPTION_KO : OPTION_EN)[String(value)] ?? String(value);
  if (issue.unit === 'rate') {
    const p = `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)}`;
    return lang === 'ko' ? `${p}%` : `${p} %`;
  }
  if (lang === 'ko') return `${value}${UNIT_KO[issue.unit] ?? ` ${issue.unit}`}`;
  // "1 year", "5 years": a plural unit loses its s for one.
  return `${value} ${value === 1 && issue.unit.endsWith('s') ? issue.unit.slice(0, -1) : issue.unit}`;
}

/** A civil date as people read it: ISO in English (as the record writes it), "2019년 12월 31일" in Korean. */
export function civilDateText(date: CivilDate, lang: Language): string {
  if (lang === 'en') return date;
  const [y, m, d] = date.split('-');
  return `${y}년 ${Number(m)}월 ${Number(d)}일`;
}

/**
 * A session's days, from its first to its last (one date when it sat one day): in English as the Record page writes
 * an event's span, in Korean without repeating the year or month.
 * @example civilSpanText('2021-03-05', '2021-03-07', 'ko') // '2021년 3월 5~7일'
 */
export function civilSpanText(start: CivilDate, end: CivilDate, lang: Language): string {
  if (end === start) return civilDateText(start, lang);
  if (lang === 'en') return `${start} – ${end}`;
  const [y1, m1] = start.split('-');
  const [y2, m2, d2] = end.split('-');
  if (y1 !== y2) return `${civilDateText(start, lang)}~${civilDateText(end, lang)}`;
  const first = civilDateText(start, lang).slice(0, -1);
  return m1 === m2 ? `${first}~${Number(d2)}일` : `${first}일~${Number(m2)}월 ${Number(d2)}일`;
}

/**
 * A scenario's name in a language: the file's `name`, or in Korean its `name_ko` (every bundled scenario has one), else
 * the glossary's terms for an SMA talks id ("제11차 방위비분담특별협정 협상"); `short` leaves out the bracketed years.
 * @example scenarioName({ id: 'sma-11-talks', name: '11th SMA talks (2019–2021)', name_ko: '제11차 방위비분담특별협정 협상 (2019–2021)' }, 'ko') // '제11차 방위비분담특별협정 협상 (2019–2021)'
 */
export function scenarioName(
  s: { readonly id: string; readonly name: string; readonly name_ko?: string },
  lang: Language,
  short = false,
): string {
  const talks = /^sma-(\d+)-(talks|reopen)$/.exec(s.id);
  const name =
    lang !== 'ko'
      ? s.name
      : (s.name_ko ??
        (talks
          ? `제${talks[1]}차 방위비분담특별협정 ${talks[2] === 'talks' ? '협상' : '재협상'}${
              / \(([^)]*)\)$/.exec(s.name)?.[0]?.replace('hypothetical', '가상') ?? ''
            }`
          : s.name));
  return short ? name.replace(/\s*\([^)]*\)\s*$/, '') : name;
}
