/** The default projections in words, once, for the note beside every projected number (CLI, web). */
import type { ProjectionStatement } from '../engine/agreement/default-projection.js';
import { formatRate, type Lang } from './format.js';
import { seriesLabel } from './labels.js';

const fx = (v: number): string => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** One statement: "CPI 3.12%/year (mean of 2021–2025 observed)", "원/달러 환율 1,422.16원 (2025년 실적 유지)". */
export function describeStatement(s: ProjectionStatement, lang: Lang): string {
  const name = seriesLabel(s.series, lang);
  const ko = lang === 'ko';
  switch (s.rule) {
    case 'mean-of-last-observed': {
      const rate = formatRate(s.value ?? NaN, { digits: 2 });
      return ko
        ? `${name} 연 ${rate} (${s.from}–${s.to}년 실적 평균)`
        : `${name} ${rate}/year (mean of ${s.from}–${s.to} observed)`;
    }
    case 'constant': {
      const rate = formatRate(s.value ?? NaN, { digits: 2 });
      return ko ? `${name} 연 ${rate} (사용자 가정)` : `${name} ${rate}/year (your assumption)`;
    }
    case 'last-observed': {
      const value =
        s.series === 'krw-per-usd'
          ? ko
            ? `${fx(s.value ?? NaN)}원`
            : `${fx(s.value ?? NaN)} won per dollar`
          : fx(s.value ?? NaN);
      return ko ? `${name} ${value} (${s.to}년 실적 유지)` : `${name} ${value} (${s.to} observed, carried forward)`;
    }
    case 'grown-by': {
      const growth = seriesLabel(s.growth ?? '', lang);
      return ko
        ? `${name}: ${s.to}년 실적에 전망 ${growth} 적용`
        : `${name}: the ${s.to} level grown by the projected ${growth}`;
    }
  }
}

/** The whole note: "Projected years assume: …; …". */
export function projectionNote(statements: readonly ProjectionStatement[], lang: Lang): string {
  const parts = statements.map((s) => describeStatement(s, lang)).join('; ');
  return lang === 'ko' ? `전망 연도의 가정: ${parts}` : `Projected years assume ${parts}`;
}

/** The assumptions a CSV carries under its rows: the projection, the real-terms base year, where the figures come from. */
export function assumptionLines(
  statements: readonly ProjectionStatement[],
  realBaseYear: number,
  lang: Lang,
): readonly string[] {
  return lang === 'ko'
    ? [
        projectionNote(statements, lang),
        `실질 원화: ${realBaseYear}년 가격 (소비자물가지수로 환산)`,
        '출처: SMA Lab, 협정 규칙과 기록(data/record)으로 계산',
      ]
    : [
        projectionNote(statements, lang),
        `Real won: at ${realBaseYear} prices (deflated by ROK CPI)`,
        "Source: SMA Lab, computed from the agreements' rules and the record (data/record)",
      ];
}
