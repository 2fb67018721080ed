// The backtable in the seat's page: consult home about the draft terms and read computed figures (docs/roleplay.md).
import { assemblyLabel } from '../../../src/i18n/labels.js';
import { useState } from 'react';
import type { BacktableAnswer, RolePlayView, Side } from '../../../src/index.js';
import { errorText, rp } from './api.js';
import { count, dateText } from './strings.js';
import type { Lang } from '../../../src/i18n/format.js';

const TEXT = {
  en: {
    title: 'Backtable',
    consult: 'Consult home about these terms',
    assembly: '{assembly}: consent with probability {p} (expected {yes} yes of {present} present)',
    bloc: '{party} ({seats} seats): supports with probability {p}',
    lapse: 'Round date',
    months: 'Months in lapse',
    furloughed: 'Furloughed workers',
    workerMonths: 'Furloughed worker-months',
    reservation: 'Your score of no deal',
    month: 'One more month of lapse lowers your score of no deal by {d}.',
    exec: 'Washington: an executive agreement, no vote in Congress.',
    source:
      'Sources: the scenario’s Assembly blocs, exact vote distribution (ratification.ts); the scenario’s lapse model and lapse costs (lapse.ts).',
  },
  ko: {
    title: '본국 협의',
    consult: '이 조건으로 본국과 협의',
    assembly: '{assembly}: 비준 동의 확률 {p} (출석 {present}명 중 찬성 예상 {yes}명)',
    bloc: '{party} ({seats}석): 지지 확률 {p}',
    lapse: '회차 날짜',
    months: '공백 개월 수',
    furloughed: '무급휴직 근로자',
    workerMonths: '무급휴직 누적 인원·월',
    reservation: '합의 없을 때의 점수',
    month: '공백이 한 달 길어지면 합의 없을 때의 점수가 {d} 낮아집니다.',
    exec: '워싱턴: 행정협정이므로 의회 표결이 없습니다.',
    source:
      '출처: 시나리오의 국회 교섭단체, 정확한 표결 분포(ratification.ts); 시나리오의 공백 모델과 공백 비용(lapse.ts).',
  },
} as const;

const fill = (t: string, v: Record<string, string>): string => t.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');
const pct = (x: number, lang: Lang): string => `${(x * 100).toFixed(1)}${lang === 'ko' ? '%' : ' %'}`;

export function BacktablePanel(props: {
  token: string;
  side: Side;
  outcome: Readonly<Record<string, number | string>>;
  lang: Lang;
}) {
  const { token, side, outcome, lang } = props;
  const t = TEXT[lang];
  const [answer, setAnswer] = useState<BacktableAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const consult = async () => {
    setError(null);
    try {
      const r = await rp<{ private: Partial<Record<Side, BacktableAnswer>> }>('/me/backtable', token, { outcome });
      setAnswer(r.private[side] ?? null);
    } catch (e) {
      setError(errorText(e, lang));
    }
  };
  return (
    <section className="card" data-testid="rp-backtable">
      <h3>{t.title}</h3>
      <button type="button" data-testid="rp-backtable-consult" onClick={() => void consult()}>
        {t.consult}
      </button>
      {error && <p role="alert">{error}</p>}
      {answer && (
        <div data-testid="rp-backtable-answer">
          {answer.assembly ? (
            <>
              <p data-testid="rp-backtable-assembly">
                {fill(t.assembly, {
                  assembly: assemblyLabel(answer.assembly.assembly, lang),
                  p: pct(answer.assembly.probability, lang),
                  yes: count(answer.assembly.expectedYes),
                  present: count(answer.assembly.expectedPresent),
                })}
              </p>
              <ul>
                {answer.assembly.blocs.map((b) => (
                  <li key={b.party}>
                    {fill(t.bloc, { party: b.party, seats: count(b.seats), p: pct(b.support, lang) })}
                  </li>
                ))}
              </ul>
            </>
          ) : side === 'us' ? (
            <p>{t.exec}</p>
          ) : null}
          <table>
            <thead>
              <tr>
                <th>{t.lapse}</th>
                <th className="num">{t.months}</th>
                <th className="num">{t.furloughed}</th>
                <th className="num">{t.workerMonths}</th>
                <th className="num">{t.reservation}</th>
              </tr>
            </thead>
            <tbody>
              {answer.lapse.map((l) => (
                <tr key={l.date}>
                  <td>{dateText(l.date, lang)}</td>
                  <td className="num">{count(l.lapse.monthsInLapse)}</td>
                  <td className="num">{count(l.lapse.furloughedWorkers)}</td>
                  <td className="num">{count(l.lapse.furloughedWorkerMonths)}</td>
                  <td className="num">{l.reservation.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{fill(t.month, { d: answer.monthCost.toFixed(3) })}</p>
          <p className="muted">{t.source}</p>
        </div>
      )}
    </section>
  );
}

const NEWS = {
  en: {
    release: 'Release news: the Assembly election result',
    item: '{date}: election result — the {assembly} takes its seats.',
  },
  ko: {
    release: '소식 발표: 국회의원 선거 결과',
    item: '{date}: 선거 결과 — {assembly} 개원.',
  },
} as const;

/** The facilitator releases the next Assembly election's result on the table's date. */
export function NewsButton(props: { disabled: boolean; lang: Lang; onRelease: () => void }) {
  return (
    <button type="button" data-testid="rp-news-election" disabled={props.disabled} onClick={props.onRelease}>
      {NEWS[props.lang].release}
    </button>
  );
}

/** The news released at this table, for every seat. */
export function NewsList(props: { news: RolePlayView['news']; lang: Lang }) {
  if (props.news.length === 0) return null;
  return (
    <ul className="card" data-testid="rp-news">
      {props.news.map((n) => (
        <li key={n.seq}>
          {fill(NEWS[props.lang].item, {
            date: dateText(n.date, props.lang),
            assembly: assemblyLabel(n.assembly, props.lang),
          })}
        </li>
      ))}
    </ul>
  );
}
