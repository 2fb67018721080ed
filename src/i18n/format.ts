/**
 * Number formats for people, in English and Korean. Pure functions, shared by the CLI and the web app.
 * Korean amounts use 조 (10^12) and 억 (10^8): 1,519,200,000,000 won → "1조 5,192억 원".
 */

export type Lang = 'en' | 'ko';

const group = (n: number): string => Math.trunc(n).toLocaleString('en-US');

/**
 * Won in Korean units, as the press writes them: 1조 5,192억 원 (to the 억), 5,331만 원 (to the 만 below 1억).
 * With `exact`, every unit down to the won: 5,330만 5,263원.
 */
export function formatWonKo(won: number, opts: { exact?: boolean } = {}): string {
  if (won === 0) return '0원';
  const sign = won < 0 ? '-' : '';
  const abs = Math.abs(won);
  let rest = opts.exact
    ? abs
    : abs >= 1e8
      ? Math.round(abs / 1e8) * 1e8
      : abs >= 1e4
        ? Math.round(abs / 1e4) * 1e4
        : abs;
  const jo = Math.floor(rest / 1e12);
  rest -= jo * 1e12;
  const eok = Math.floor(rest / 1e8);
  rest -= eok * 1e8;
  const man = Math.floor(rest / 1e4);
  const one = Math.round(rest - man * 1e4);
  const parts: string[] = [];
  if (jo) parts.push(`${group(jo)}조`);
  if (eok) parts.push(`${group(eok)}억`);
  if (man) parts.push(`${group(man)}만`);
  if (one) parts.push(group(one));
  // Press style: a space before 원 after a unit word (1조 5,192억 원), none after a plain number (5,263원).
  return `${sign}${parts.join(' ')}${one ? '' : ' '}원`;
}

/** Won in English: "KRW 1.5192 tn", "KRW 920.0 bn", "KRW 53.3 m" (trailing zeros of tn trimmed to 4 decimals). */
export function formatWonEn(won: number): string {
  const abs = Math.abs(won);
  const sign = won < 0 ? '-' : '';
  if (abs >= 1e12) return `${sign}KRW ${trim((abs / 1e12).toFixed(4))} tn`;
  if (abs >= 1e9) return `${sign}KRW ${(abs / 1e9).toFixed(1)} bn`;
  if (abs >= 1e6) return `${sign}KRW ${(abs / 1e6).toFixed(1)} m`;
  return `${sign}KRW ${group(abs)}`;
}

/** US dollars: "USD 1.068 bn", "USD 150 m"; in Korean at the same precision, "10억 6,800만 달러", "1억 5,000만 달러". */
export function formatUsd(usd: number, lang: Lang): string {
  const abs = Math.abs(usd);
  const sign = usd < 0 ? '-' : '';
  if (lang === 'ko') {
    // the precision of the English form (USD 1.068 bn, USD 150 m): 10억 6,800만 달러, 1억 5,000만 달러
    const step = abs >= 1e9 ? 1e6 : abs >= 1e6 ? 1e5 : 1;
    return sign + formatWonKo(Math.round(abs / step) * step, { exact: true }).replace(/ ?원$/, ' 달러');
  }
  if (abs >= 1e9) return `${sign}USD ${trim((abs / 1e9).toFixed(3))} bn`;
  if (abs >= 1e6) return `${sign}USD ${trim((abs / 1e6).toFixed(1))} m`;
  return `${sign}USD ${group(abs)}`;
}

export const formatWon = (won: number, lang: Lang): string => (lang === 'ko' ? formatWonKo(won) : formatWonEn(won));

/** A decimal rate as a percentage: 0.083 → "8.3%"; signed when asked ("+8.3%"). */
export function formatRate(rate: number, opts: { signed?: boolean; digits?: number } = {}): string {
  const digits = opts.digits ?? 1;
  const s = (rate * 100).toFixed(digits);
  return `${opts.signed && rate > 0 ? '+' : ''}${s}%`;
}

/**
 * A rate written to a CSV, to parts per million (0.082977, not 0.08297690333618478): finer than any rule's rate or
 * published change, so a spreadsheet loses nothing. The web's and the command line's CSVs.
 */
export const csvRate = (rate: number): number => Math.round(rate * 1e6) / 1e6;

/**
 * A computed edge or level written to a CSV without floating-point noise: 10 significant digits (0.3, not
 * 0.30000000000000004), for quantities whose unit varies (a histogram's months, rates or dollars).
 */
export const csvNumber = (x: number): number => Number(x.toPrecision(10));

/** A ratio written to a CSV, to 4 decimals (9.3612 for 9.36×). */
export const csvRatio = (ratio: number): number => Number(ratio.toFixed(4));

/** A plain integer with thousands separators: 1519200000000 → "1,519,200,000,000". */
export const formatInteger = (n: number): string => group(n);

function trim(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
