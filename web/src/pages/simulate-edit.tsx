import { useEffect, useId, useState } from 'react';
import type { ApiIssue } from '../api.js';
import {
  editableFields,
  issueKey,
  valueAt,
  type EditableField,
  type Edits,
  type ScenarioBody,
} from '../scenario-edits.js';
import { useI18n, usePageStrings } from '../i18n/lang.js';
import { issueText } from '../i18n/problems.js';

const W = {
  en: {
    edit: 'Edit this scenario',
    us: 'United States',
    rok: 'Republic of Korea',
    protocol: 'Deadline and calendar',
    lapse: 'Lapse',
    assembly: 'National Assembly (consent vote; thresholds informed by polls)',
    reservation: 'reservation value',
    strategy: 'strategy',
    drawn: 'drawn per run',
    deadline: 'Deadline (moves; two a round)',
    start: 'First round (monthly calendar)',
    rounds: 'Round dates',
    monthsUntilFurlough: 'Months until furlough',
    furloughedShare: 'Furloughed share of the workforce',
    seats: 'seats',
    threshold: 'threshold',
    min: 'from',
    max: 'to',
    mean: 'mean',
    sd: 'sd',
    mode: 'mode',
    value: 'value',
    e: 'e (concession exponent)',
    k: 'k (initial concession)',
    beta: 'β',
    kappa: 'κ',
    exponent: 'exponent',
    aspiration: 'aspiration exponent',
    replay: 'replays the recorded positions (the Monte Carlo draws the strategy below)',
    notNumber: 'Enter a number.',
    edited: 'edited',
    reset: 'Undo all edits',
    checking: 'Checking with the server…',
    valid: 'The server accepts this scenario.',
    problems: 'Problems the server found',
  },
  ko: {
    edit: '이 시나리오 편집',
    us: '미국',
    rok: '한국',
    protocol: '시한과 일정',
    lapse: '협정 공백',
    assembly: '국회 (비준 동의 표결, 여론을 반영한 기준)',
    reservation: '유보가치',
    strategy: '전략',
    drawn: '실행마다 추출',
    deadline: '시한 (수, 회차당 2수)',
    start: '첫 회차 (매월 일정)',
    rounds: '회차 일정',
    monthsUntilFurlough: '무급휴직까지 개월 수',
    furloughedShare: '무급휴직 비율',
    seats: '의석',
    threshold: '수용 기준',
    min: '최소',
    max: '최대',
    mean: '평균',
    sd: '표준편차',
    mode: '최빈값',
    value: '값',
    e: 'e (양보 지수)',
    k: 'k (초기 양보)',
    beta: 'β',
    kappa: 'κ',
    exponent: '지수',
    aspiration: '열망 지수',
    replay: '기록된 입장을 재현 (몬테카를로는 아래 전략을 추출)',
    notNumber: '숫자를 입력하세요.',
    edited: '편집됨',
    reset: '편집 모두 취소',
    checking: '서버에서 확인 중…',
    valid: '서버가 이 시나리오를 받아들입니다.',
    problems: '서버가 찾은 문제',
  },
};
type Words = { readonly [K in keyof (typeof W)['en']]: string };
export interface ScenarioEditorProps {
  readonly base: ScenarioBody;
  readonly edits: Edits;
  readonly onEdits: (edits: Edits) => void;
  /** The server's problems: each beside its field in the page's language; those on no shown field at the top. */
  readonly issues: readonly ApiIssue[];
  readonly checking: boolean;
}

/** The edit panel: each main input of the scenario with the server's validation message beside it. */
export function ScenarioEditor({ base, edits, onEdits, issues, checking }: ScenarioEditorProps) {
  const w = usePageStrings(W);
  const { lang } = useI18n();
  const fields = editableFields(base, w, lang);
  const byKey = new Map<string, string>();
  for (const issue of issues) {
    const key = issueKey(issue.path);
    // A problem on a whole distribution or strategy shows beside its first field.
    const field = fields.find((f) => f.key === key) ?? fields.find((f) => f.key.startsWith(`${key}.`));
    if (field && !byKey.has(field.key)) byKey.set(field.key, issueText(issue, null, lang));
  }
  const unplaced = issues.filter((issue) => {
    const key = issueKey(issue.path);
    return !fields.some((f) => f.key === key || f.key.startsWith(`${key}.`));
  });
  const set = (key: string, value: number | string) => {
    const next: Record<string, number | string> = { ...edits };
    if (valueAt(base, key) === value) delete next[key];
    else next[key] = value;
    onEdits(next);
  };
  const groups: EditableField['group'][] = ['us', 'rok', 'protocol', 'lapse', 'assembly'];
  const strategyNote = (side: 'us' | 'rok') =>
    (valueAt(base, `strategies.${side}.kind`) === 'replay' ? w.replay : null) ?? null;
  const editedCount = Object.keys(edits).length;
  return (
    <div className="scenario-editor" data-testid="scenario-editor">
      <p className="muted" role="status" aria-live="polite">
        {checking ? w.checking : issues.length === 0 && editedCount > 0 ? w.valid : ''}
      </p>
      {unplaced.length > 0 && (
        <div role="alert" className="error">
          {w.problems}:
          <ul>
            {unplaced.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                <code>{issueKey(p.path) || '(root)'}</code>: {issueText(p, null, lang)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {groups.map((g) => {
        const inGroup = fields.filter((f) => f.group === g);
        if (inGroup.length === 0) return null;
        const list = (
          <div className="editor-fields">
            {(g === 'us' || g === 'rok') && strategyNote(g) && <p className="muted">{strategyNote(g)}</p>}
            {inGroup.map((f) => (
              <EditField
                key={f.key}
                field={f}
                value={(edits[f.key] ?? valueAt(base, f.key)) as number | string}
                edited={f.key in edits}
                error={byKey.get(f.key) ?? null}
                onValue={(v) => set(f.key, v)}
                words={w}
              />
            ))}
          </div>
        );
        return g === 'assembly' ? (
          <details key={g} open={inGroup.some((f) => byKey.has(f.key) || f.key in edits)}>
            <summary>{w[g]}</summary>
            {list}
          </details>
        ) : (
          <fieldset key={g}>
            <legend>{w[g]}</legend>
            {list}
          </fieldset>
        );
      })}
      {editedCount > 0 && (
        <button type="button" onClick={() => onEdits({})}>
          {w.reset}
        </button>
      )}
    </div>
  );
}

function EditField({
  field,
  value,
  edited,
  error,
  onValue,
  words,
}: {
  field: EditableField;
  value: number | string;
  edited: boolean;
  error: string | null;
  onValue: (v: number | string) => void;
  words: Words;
}) {
  const { lang } = useI18n();
  const id = useId();
  const [text, setText] = useState(String(value));
  const [local, setLocal] = useState<string | null>(null);
  // Follow outside changes (URL, undo) without clobbering what is being typed.
  useEffect(() => {
    setText((cur) => (field.kind === 'number' && Number(cur) === value && cur.trim() !== '' ? cur : String(value)));
    setLocal(null);
  }, [value, field.kind]);
  const change = (raw: string) => {
    setText(raw);
    if (field.kind === 'date') {
      setLocal(null);
      onValue(raw);
      return;
    }
    const n = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(n)) {
      setLocal(words.notNumber);
      return;
    }
    setLocal(null);
    onValue(n);
  };
  const message = local ?? error;
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.label}
        {edited && <span className="badge"> {words.edited}</span>}
      </label>
      <div className="row">
        <input
          id={id}
          type={field.kind === 'number' ? 'number' : 'text'}
          inputMode={field.kind === 'number' ? 'decimal' : undefined}
          step={field.kind === 'number' ? field.step : undefined}
          // a date's format by example in Korean (a format's letters are English words to a Korean reader)
          placeholder={field.kind === 'date' ? (lang === 'ko' ? '예: 2027-01-01' : 'YYYY-MM-DD') : undefined}
          lang={lang}
          value={text}
          data-field={field.key}
          onChange={(e) => change(e.target.value)}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-msg` : undefined}
        />
        {message && (
          <span id={`${id}-msg`} className="error" role="alert">
            {message}
          </span>
        )}
      </div>
    </div>
  );
}
