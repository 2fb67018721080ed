import { useId, useMemo, useState } from 'react';
import { SignInToSave, useSignInNeeded } from '../account.js';
import { api, toRemote, type Remote } from '../api.js';
import { agreementProblems, parseAgreement, sma12 } from '../agreement-url.js';
import EngineErrorText from '../components/engine-error.js';
import { NumberField } from '../components/number-field.js';
import { RemoteView } from '../components/remote-view.js';
import { useCpiBand } from '../components/cpi-band.js';
import { ScheduleView } from '../components/schedule-view.js';
import { useI18n, usePageStrings } from '../i18n/lang.js';
import { useAgreementChoices } from '../record/choices.js';
import { ProjectionNote } from '../components/projection-note.js';
import { assumptionLines } from '../../../src/i18n/projection-note.js';
import {
  assumptionOf,
  assumptionStatements,
  computeAgreement,
  computeBand,
  defaultAssumptions,
  LAST_AGREEMENT_YEAR,
  realBaseYears,
  toAgreementFile,
} from '../record/compute.js';
import { recordCore } from '../record/record-core.js';
import { setParams, useNumberParam, useRoute } from '../router.js';
import type { Agreement, EscalationRule, SavedDocument } from '../types.js';

const S = {
  en: {
    title: 'Calculator',
    intro:
      'Set a base and a rule for each year; the schedule follows as you type. Future index values come from the projection below and are marked projected.',
    load: 'Start from',
    id: 'Identifier',
    name: 'Name',
    baseYear: 'Base year',
    baseAmount: 'Base amount (100 million won, 억원)',
    baseAmountUsd: 'Base amount (USD million)',
    amountUsd: 'Amount (USD million)',
    rules: 'Rule per year',
    kind: 'Rule',
    amount: 'Amount (억원)',
    rate: 'Change (%)',
    series: 'Index',
    lag: 'Lag (years)',
    cap: 'Cap (%)',
    floor: 'Floor (%)',
    none: 'none',
    addYear: 'Add a year',
    removeYear: 'Remove the last year',
    projection: 'Projection for years without data',
    cpi: 'CPI growth (%/year)',
    defense: 'Defense-budget growth (%/year)',
    realBase: 'Real won at prices of',
    save: 'Save to the server',
    saved: 'Saved as',
    fix: 'Fix the marked fields first.',
    kindAmount: 'stated amount',
    kindChange: 'fixed change',
    kindFreeze: 'freeze',
    kindIndex: 'index',
    cpiName: 'CPI growth',
    proposal: 'proposal',
    defenseName: 'Defense-budget growth',
  },
  ko: {
    title: '계산기',
    intro:
      '기준 금액과 연도별 규칙을 정하면 일정이 바로 계산됩니다. 자료가 없는 해의 지수는 아래 전망치를 쓰며 전망치로 표시됩니다.',
    load: '불러오기',
    id: '식별자',
    name: '이름',
    baseYear: '기준 연도',
    baseAmount: '기준 금액 (억원)',
    baseAmountUsd: '기준 금액 (백만 달러)',
    amountUsd: '금액 (백만 달러)',
    rules: '연도별 규칙',
    kind: '규칙',
    amount: '금액 (억원)',
    rate: '인상률 (%)',
    series: '지수',
    lag: '시차 (년)',
    cap: '상한 (%)',
    floor: '하한 (%)',
    none: '없음',
    addYear: '연도 추가',
    removeYear: '마지막 연도 삭제',
    projection: '자료가 없는 해의 전망치',
    cpi: '소비자물가지수 증가율 (%/년)',
    defense: '국방비 증가율 (%/년)',
    realBase: '실질 기준 연도',
    save: '서버에 저장',
    saved: '저장됨:',
    fix: '표시된 칸을 먼저 고치세요.',
    kindAmount: '금액 지정',
    kindChange: '고정 인상률',
    kindFreeze: '동결',
    kindIndex: '지수 연동',
    cpiName: '소비자물가지수 증가율',
    proposal: '제안',
    defenseName: '국방비 증가율',
  },
};

const EOK = 100_000_000;
const MILLION = 1_000_000;

/** The unit an amount field is typed in: 억원 for won, millions for dollars (a dollar proposal stays in dollars). */
const fieldUnit = (currency: Agreement['currency']): number => (currency === 'USD' ? MILLION : EOK);

export default function CalculatorPage() {
  const signInNeeded = useSignInNeeded();
  const s = usePageStrings(S);
  const { lang } = useI18n();
  const { params } = useRoute();
  const record = recordCore;
  const choices = useAgreementChoices(record, lang);
  const agreement = parseAgreement(params.get('a')) ?? choices.find((a) => a.id === 'sma-12') ?? sma12;
  const setAgreement = (a: Agreement) => setParams({ a: JSON.stringify(a) });
  const defaults = useMemo(() => defaultAssumptions(record), [record]);
  const [cpi, setCpi] = useNumberParam('cpi', round6(defaults.cpi * 100));
  const [defense, setDefense] = useNumberParam('defense', round6(defaults.defenseGrowth * 100));
  const [realBase, setRealBase] = useNumberParam('base', 2025);
  const problems = agreementProblems(agreement, lang);
  const assumptions = useMemo(
    () => ({
      cpi: assumptionOf(cpi, defaults.cpi),
      defenseGrowth: assumptionOf(defense, defaults.defenseGrowth),
      realBase,
    }),
    [cpi, defense, realBase, defaults],
  );
  const outcome = useMemo(
    () => (problems.size === 0 ? computeAgreement(record, agreement, assumptions) : null),
    [record, agreement, problems.size, assumptions],
  );
  const cpiBand = useCpiBand(record, cpi);
  const band = useMemo(() => {
    const view = cpiBand.view;
    if (!view || problems.size > 0) return null;
    const r = computeBand(record, agreement, assumptions, view.basis);
    return r.ok ? { view, years: r.band.years } : null;
  }, [record, agreement, problems.size, assumptions, cpiBand.view]);
  const unit = fieldUnit(agreement.currency);
  const [save, setSave] = useState<Remote<{ id: string }> | null>(null);

  const setRule = (k: number, rule: EscalationRule) =>
    setAgreement({ ...agreement, rules: agreement.rules.map((r, j) => (j === k ? { ...r, rule } : r)) });

  return (
    <>
      <h1>{s.title}</h1>
      <p className="muted">{s.intro}</p>
      {/* at desktop width the result sits beside the inputs, so an edit and its answer are seen together */}
      <div className="calc-layout">
        <form noValidate className="card" onSubmit={(e) => e.preventDefault()} aria-label={s.title}>
          <div className="field">
            <label htmlFor="load">{s.load}</label>
            <select
              id="load"
              value=""
              onChange={(e) => {
                const a = choices.find((x) => x.id === e.target.value);
                if (a) setAgreement(a);
              }}
            >
              <option value="">—</option>
              {choices.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                  {a.kind === 'proposal' ? ` (${s.proposal})` : ''}
                </option>
              ))}
            </select>
          </div>
          <TextField
            label={s.id}
            value={agreement.id}
            error={problems.get('id')}
            onChange={(id) => setAgreement({ ...agreement, id })}
          />
          <TextField
            label={s.name}
            value={agreement.name}
            error={problems.get('name')}
            onChange={(name) => setAgreement({ ...agreement, name })}
          />
          {agreement.base && (
            <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
              <NumberField
                label={s.baseYear}
                value={agreement.base.year}
                min={1991}
                max={LAST_AGREEMENT_YEAR}
                step={1}
                integer
                onChange={(year) =>
                  setAgreement({
                    ...agreement,
                    base: { year, amount: agreement.base?.amount ?? 0 },
                    rules: agreement.rules.map((r, j) => ({ ...r, year: year + 1 + j })),
                  })
                }
              />
              <NumberField
                label={agreement.currency === 'USD' ? s.baseAmountUsd : s.baseAmount}
                value={(agreement.base.amount ?? 0) / unit}
                min={1}
                max={1_000_000}
                step={1}
                onChange={(v) =>
                  setAgreement({
                    ...agreement,
                    base: { year: agreement.base?.year ?? 2025, amount: Math.round(v * unit) },
                  })
                }
              />
            </div>
          )}
          <fieldset>
            <legend>{s.rules}</legend>
            {agreement.rules.map((r, k) => (
              <RuleRow
                key={r.year}
                year={r.year}
                currency={agreement.currency}
                rule={r.rule}
                onChange={(rule) => setRule(k, rule)}
                problem={(f) => problems.get(`rules.${k}.${f}`)}
              />
            ))}
            <div style={{ display: 'flex', gap: 8, marginTop: 8 }}>
              <button
                type="button"
                onClick={() => {
                  const last = agreement.rules[agreement.rules.length - 1];
                  const year = last ? last.year + 1 : (agreement.base?.year ?? 2025) + 1;
                  setAgreement({
                    ...agreement,
                    rules: [...agreement.rules, { year, rule: last?.rule ?? { kind: 'change', rate: 0.05 } }],
                  });
                }}
              >
                + {s.addYear}
              </button>
              <button
                type="button"
                disabled={agreement.rules.length <= 1}
                onClick={() => setAgreement({ ...agreement, rules: agreement.rules.slice(0, -1) })}
              >
                − {s.removeYear}
              </button>
            </div>
          </fieldset>
          <fieldset>
            <legend>{s.projection}</legend>
            <NumberField label={s.cpi} value={cpi} min={-5} max={20} step={0.1} onChange={setCpi} />
            <NumberField label={s.defense} value={defense} min={-10} max={20} step={0.1} onChange={setDefense} />
            <NumberField
              label={s.realBase}
              value={realBase}
              {...realBaseYears(record)}
              step={1}
              integer
              onChange={setRealBase}
            />
          </fieldset>
          {cpiBand.fields}
          <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <button
              type="button"
              className="primary"
              disabled={problems.size > 0 || signInNeeded}
              onClick={() => {
                setSave({ state: 'loading' });
                api<SavedDocument>('/api/documents/proposal', {
                  body: toAgreementFile(agreement),
                }).then(
                  (r) => setSave({ state: 'ok', data: r }),
                  (e: unknown) => setSave(toRemote(e, '/api/documents/proposal')),
                );
              }}
            >
              {s.save}
            </button>
            {problems.size > 0 && <span className="error">{s.fix}</span>}
            <SignInToSave />
            {save && (
              <RemoteView remote={save} label={(path) => ({ id: s.id, name: s.name })[path]}>
                {(d) => (
                  <span role="status">
                    {s.saved} <code>{d.id}</code>
                  </span>
                )}
              </RemoteView>
            )}
          </div>
        </form>
        <section aria-live="polite" aria-label={agreement.name}>
          {outcome?.ok && <ProjectionNote statements={assumptionStatements(record, assumptions)} />}
          {outcome?.ok && (
            <ScheduleView
              metrics={outcome.metrics}
              filename={`schedule-${agreement.id}`}
              title={agreement.name}
              band={band}
              notes={assumptionLines(assumptionStatements(record, assumptions), realBase, lang)}
            />
          )}
          {outcome && !outcome.ok && (
            <div className="alert" role="alert">
              <EngineErrorText code={outcome.code} detail={outcome.detail} />
            </div>
          )}
        </section>
      </div>
    </>
  );
}

function TextField({
  label,
  value,
  error,
  onChange,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (v: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input
          id={id}
          type="text"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-msg` : undefined}
          style={{ width: '14em' }}
        />
        {error && (
          <span id={`${id}-msg`} className="error" role="alert">
            {error}
          </span>
        )}
      </div>
    </div>
  );
}

function RuleRow({
  year,
  currency,
  rule,
  onChange,
  problem,
}: {
  year: number;
  currency: Agreement['currency'];
  rule: EscalationRule;
  onChange: (r: EscalationRule) => void;
  problem: (field: string) => string | undefined;
}) {
  const s = usePageStrings(S);
  const id = useId();
  const kindError = problem('kind');
  const unit = fieldUnit(currency);
  const capError = problem('cap');
  return (
    <div className="card" style={{ padding: '4px 8px', margin: '6px 0' }} data-year={year}>
      <div className="field">
        <label htmlFor={id}>
          {year} · {s.kind}
        </label>
        <div className="row">
          <select
            id={id}
            value={rule.kind}
            aria-invalid={kindError ? true : undefined}
            onChange={(e) => {
              const k = e.target.value as EscalationRule['kind'];
              onChange(
                k === 'amount'
                  ? { kind: 'amount', amount: currency === 'USD' ? 1_000_000_000 : 1_500_000_000_000 }
                  : k === 'change'
                    ? { kind: 'change', rate: 0.05 }
                    : k === 'freeze'
                      ? { kind: 'freeze' }
                      : { kind: 'index', series: 'rok-cpi', lag: 2, cap: 0.05, floor: null, precision: 0.001 },
              );
            }}
          >
            <option value="amount">{s.kindAmount}</option>
            <option value="change">{s.kindChange}</option>
            <option value="freeze">{s.kindFreeze}</option>
            <option value="index">{s.kindIndex}</option>
          </select>
          {kindError && <span className="error">{kindError}</span>}
        </div>
      </div>
      {rule.kind === 'amount' && (
        <NumberField
          label={`${year} · ${currency === 'USD' ? s.amountUsd : s.amount}`}
          value={rule.amount / unit}
          min={1}
          max={1_000_000}
          step={1}
          onChange={(v) => onChange({ kind: 'amount', amount: Math.round(v * unit) })}
        />
      )}
      {rule.kind === 'change' && (
        <NumberField
          label={`${year} · ${s.rate}`}
          value={round6(rule.rate * 100)}
          min={-49}
          max={200}
          step={0.1}
          onChange={(v) => onChange({ kind: 'change', rate: round6(v / 100) })}
        />
      )}
      {rule.kind === 'index' && (
        <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
          <div className="field">
            <label htmlFor={`${id}-series`}>{s.series}</label>
            <select
              id={`${id}-series`}
              value={rule.series}
              onChange={(e) => onChange({ ...rule, series: e.target.value })}
            >
              <option value="rok-cpi">{s.cpiName}</option>
              <option value="rok-defense-budget-growth">{s.defenseName}</option>
            </select>
          </div>
          <NumberField
            label={s.lag}
            value={rule.lag}
            min={0}
            max={5}
            step={1}
            integer
            onChange={(lag) => onChange({ ...rule, lag })}
          />
          <NumberField
            label={s.cap}
            value={rule.cap === null ? 100 : round6(rule.cap * 100)}
            min={0}
            max={100}
            step={0.5}
            hint={capError ?? (rule.cap === null ? s.none : undefined)}
            onChange={(v) => onChange({ ...rule, cap: v >= 100 ? null : round6(v / 100) })}
          />
          <NumberField
            label={s.floor}
            value={rule.floor === null ? -100 : round6(rule.floor * 100)}
            min={-100}
            max={100}
            step={0.5}
            hint={rule.floor === null ? s.none : undefined}
            onChange={(v) => onChange({ ...rule, floor: v <= -100 ? null : round6(v / 100) })}
          />
        </div>
      )}
    </div>
  );
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
