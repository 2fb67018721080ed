import { useEffect, useMemo, useRef, useState } from 'react';
import { SignInToSave, useSignInNeeded } from '../account.js';
import { api, ApiError, toRemote, useApi, type ApiIssue, type Remote } from '../api.js';
import Chart, { type ChartOption } from '../components/chart.js';
import { NegotiationPlaneRun } from './simulate-plane.js';
import { DataTable } from '../components/data-table.js';
import { NumberField } from '../components/number-field.js';
import { RemoteView } from '../components/remote-view.js';
import { useI18n, usePageStrings } from '../i18n/lang.js';
import { fieldIssueText } from '../i18n/problems.js';
import { setParams, useNumberParam, useQueryParam } from '../router.js';
import { applyEdits, type Edits, type ScenarioBody } from '../scenario-edits.js';
import { ScenarioEditor } from './simulate-edit.js';
import { scenarioName, type Issue } from '../../../src/index.js';
import {
  Assumptions,
  PlainAnswer,
  SourceNote,
  realOutcomeOf,
  scenarioDescription,
  type ScenarioSummaryRow,
} from './simulate-answer.js';
import { SensitivityPanel } from './simulate-sensitivity.js';
import { ScenarioResults } from './simulate-results.js';
import type {
  Bin,
  JobKindSummary,
  JobSnapshot,
  RubinsteinSplitResult,
  SavedDocument,
  ScenarioMonteCarloResult,
} from '../types.js';

const S = {
  en: {
    title: 'Simulate',
    intro:
      'Monte Carlo runs on the server, in worker threads, seeded: the same seed gives the same result. Progress is live.',
    kind: 'Simulation',
    runs: 'Runs',
    seed: 'Seed',
    scenario: 'Scenario',
    run: 'Run',
    cancel: 'Stop',
    progress: 'Progress (chunks of runs)',
    d1min: 'δ₁ from',
    d1max: 'δ₁ to',
    d2min: 'δ₂ from',
    d2max: 'δ₂ to',
    bins: 'Histogram bins',
    meanShare: 'Mean share of the first proposer',
    ci: '95% interval',
    sd: 'standard deviation',
    shareHist: 'Distribution of the first proposer’s Rubinstein share',
    share: 'Share x₁',
    count: 'Runs',
    from: 'Simulated by job {id} ({kind}), seed {seed}, {runs} runs',
    cancelled: 'Stopped.',
    interrupted: 'Interrupted: the server running this job stopped before it finished. Start it again.',
    unknownKind: 'This simulation has no form in the web app yet; its raw result is shown.',
    saved: 'Saved scenarios',
    bundled: 'Bundled',
    edit: 'Edit this scenario',
    editHint: 'Edits stay in the link; the server checks them as `sma validate` checks a file.',
    saveId: 'Save as (id: lowercase letters, digits, hyphens)',
    saveName: 'Name',
    save: 'Save to the server',
    savedAs: 'Saved as {id}, version {version}.',
    editedRun: 'The run uses the edited scenario.',
  },
  ko: {
    title: '시뮬레이션',
    intro:
      '몬테카를로는 서버의 작업 스레드에서 시드를 고정해 실행합니다. 같은 시드는 같은 결과를 냅니다. 진행 상황이 실시간으로 표시됩니다.',
    kind: '시뮬레이션 종류',
    runs: '실행 횟수',
    seed: '시드',
    scenario: '시나리오',
    run: '실행',
    cancel: '중지',
    progress: '진행 (실행 묶음)',
    d1min: 'δ₁ 최소',
    d1max: 'δ₁ 최대',
    d2min: 'δ₂ 최소',
    d2max: 'δ₂ 최대',
    bins: '히스토그램 구간 수',
    meanShare: '먼저 제안한 쪽의 평균 몫',
    ci: '95% 구간',
    sd: '표준편차',
    shareHist: '먼저 제안한 쪽의 루빈스타인 몫 분포',
    share: '몫 x₁',
    count: '실행 수',
    // The job's id and kind are identifiers: shown after the sentence as code, not inside it.
    from: '시뮬레이션 결과: 시드 {seed}, {runs}회 실행',
    cancelled: '중지했습니다.',
    interrupted: '중단됨: 이 작업을 실행하던 서버가 작업을 마치기 전에 멈췄습니다. 다시 실행하세요.',
    unknownKind: '이 시뮬레이션의 입력 양식은 아직 없습니다. 결과를 그대로 보여 줍니다.',
    saved: '저장한 시나리오',
    bundled: '기본 제공',
    edit: '이 시나리오 편집',
    editHint: '편집 내용은 링크에 남습니다. 서버가 파일을 검사하는 `sma validate`와 같은 방식으로 확인합니다.',
    saveId: '저장 ID (영소문자, 숫자, 하이픈)',
    saveName: '이름',
    save: '서버에 저장',
    savedAs: '{id}(으)로 저장했습니다. 버전 {version}.',
    editedRun: '편집한 시나리오로 실행합니다.',
  },
};

/** The `edits` URL parameter: a JSON object of field path → value; anything else is no edits. */
const parseEdits = (raw: string): Edits => {
  try {
    const v: unknown = raw ? JSON.parse(raw) : {};
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return {};
    return Object.fromEntries(
      Object.entries(v).filter(([, x]) => typeof x === 'number' || typeof x === 'string'),
    ) as Edits;
  } catch {
    return {};
  }
};

type Job =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly job: JobSnapshot }
  | { readonly state: 'done'; readonly job: JobSnapshot }
  | { readonly state: 'failed'; readonly remote: Remote<never> };

/** The scenario shown first: the 11th SMA talks, the case the page's plain-words answer is written for. */
const DEFAULT_SCENARIO = 'sma-11-talks';

export default function SimulatePage() {
  const signInNeeded = useSignInNeeded();
  const s = usePageStrings(S);
  const i = useI18n();
  const kinds = useApi<readonly JobKindSummary[]>('/api/jobs/kinds');
  const [kindParam, setKind] = useQueryParam('kind', '');
  const [runs, setRuns] = useNumberParam('runs', 10_000);
  const [seed, setSeed] = useNumberParam('seed', 42);
  const [d1min, setD1min] = useNumberParam('d1min', 0.8);
  const [d1max, setD1max] = useNumberParam('d1max', 0.95);
  const [d2min, setD2min] = useNumberParam('d2min', 0.8);
  const [d2max, setD2max] = useNumberParam('d2max', 0.95);
  const [bins, setBins] = useNumberParam('bins', 20);
  const [scenario] = useQueryParam('scenario', '');
  // `prior=1`: a forecast with a fitted version runs on its stated priors instead (chosen by picking it in the list).
  const [priorParam] = useQueryParam('prior', '');
  const [saved] = useQueryParam('saved', '');
  const [editsParam] = useQueryParam('edits', '');
  const edits = useMemo(() => parseEdits(editsParam), [editsParam]);
  const edited = Object.keys(edits).length > 0;
  const [job, setJob] = useState<Job>({ state: 'idle' });
  // The job route's answer about the request's own fields (runs, seed), cleared when they change.
  const [requestIssues, setRequestIssues] = useState<readonly ApiIssue[]>([]);
  useEffect(() => setRequestIssues([]), [runs, seed, kindParam]);
  const source = useRef<EventSource | null>(null);
  useEffect(() => () => source.current?.close(), []);
  // A result belongs to the simulation that made it: choosing another clears it (and stops following a running job).
  useEffect(() => {
    source.current?.close();
    setJob({ state: 'idle' });
  }, [kindParam, scenario, priorParam, saved, editsParam]);

  const list = kinds.state === 'ok' ? kinds.data : [];
  // The default is a scenario on the one model: the 11th SMA talks. So is a link to a kind the server no longer runs
  // (a retired one such as negotiation-monte-carlo), once the list has come.
  const listed = kinds.state !== 'ok' || list.some((k) => k.kind === kindParam);
  const kind =
    (listed && kindParam) || list.find((k) => k.kind === 'scenario-monte-carlo')?.kind || list[0]?.kind || '';
  const scenarioKind = kind === 'scenario-monte-carlo';
  const bundledList = useApi<readonly ScenarioSummaryRow[]>(scenarioKind ? '/api/scenarios' : null);
  const bundled = bundledList.state === 'ok' ? bundledList.data : [];
  // An id the server does not bundle falls back to the default once the list has come.
  const requested =
    bundledList.state === 'ok' && !bundled.some((x) => x.id === scenario)
      ? DEFAULT_SCENARIO
      : scenario || DEFAULT_SCENARIO;
  // A forecast with a fitted version (`sma forecast` writes `<id>-fitted`) runs on the fit unless its priors are asked
  // for, as `sma simulate <id>` does.
  const hasFitted = (id: string) => bundled.some((x) => x.id === `${id}-fitted`);
  const smaTalks = { id: priorParam !== '1' && hasFitted(requested) ? `${requested}-fitted` : requested };
  const [savedVersion, setSavedVersion] = useState(0);
  const savedList = useApi<readonly SavedDocument[]>(
    scenarioKind ? `/api/documents/scenario${savedVersion > 0 ? `?v=${savedVersion}` : ''}` : null,
  );
  const baseRemote = useApi<ScenarioBody | SavedDocument>(
    scenarioKind
      ? saved
        ? `/api/documents/scenario/${encodeURIComponent(saved)}`
        : `/api/scenarios/${encodeURIComponent(smaTalks.id)}`
      : null,
  );
  const base: ScenarioBody | null =
    baseRemote.state !== 'ok'
      ? null
      : saved
        ? ((baseRemote.data as SavedDocument).body as ScenarioBody)
        : (baseRemote.data as ScenarioBody);
  const body = useMemo(() => (base && edited ? applyEdits(base, edits) : base), [base, edits, edited]);
  const [issues, setIssues] = useState<readonly ApiIssue[]>([]);
  const [checking, setChecking] = useState(false);
  // The server checks edits as the user types (debounced), with the same validation as saving and running.
  useEffect(() => {
    setIssues([]);
    if (!scenarioKind || !edited || body === null) return;
    const ctl = new AbortController();
    setChecking(true);
    const timer = setTimeout(() => {
      api('/api/documents/scenario/check', { body, signal: ctl.signal }).then(
        () => {
          setIssues([]);
          setChecking(false);
        },
        (e: unknown) => {
          if (ctl.signal.aborted) return;
          setIssues(e instanceof ApiError ? e.issues : []);
          setChecking(false);
        },
      );
    }, 300);
    return () => {
      clearTimeout(timer);
      ctl.abort();
      setChecking(false);
    };
  }, [scenarioKind, edited, body]);
  const input =
    kind === 'rubinstein-split'
      ? { seed, runs, delta1: { min: d1min, max: d1max }, delta2: { min: d2min, max: d2max }, bins }
      : scenarioKind
        ? edited
          ? { scenarioBody: body, seed, runs }
          : saved
            ? { document: saved, seed, runs }
            : { scenario: smaTalks.id, seed, runs }
        : { seed, runs };
  const rangeOk = (min: number, max: number) =>
    min <= max ? null : i.lang === 'ko' ? '최소가 최대보다 큽니다.' : 'From is above to.';

  const follow = (started: JobSnapshot) => {
    setJob({ state: 'running', job: started });
    const es = new EventSource(`/api/jobs/${encodeURIComponent(started.id)}/events`);
    source.current = es;
    const onSnapshot = (e: Event) => {
      const snap = JSON.parse((e as MessageEvent<string>).data) as JobSnapshot;
      const withInput = { ...snap, input: snap.input ?? started.input };
      if (snap.status === 'running') setJob({ state: 'running', job: withInput });
      else if (snap.status === 'succeeded') setJob({ state: 'done', job: withInput });
      else
        setJob({
          state: 'failed',
          remote:
            snap.status === 'cancelled' || snap.status === 'interrupted'
              ? { state: 'error', route: `/api/jobs/${snap.id}`, message: s[snap.status] }
              : {
                  state: 'error',
                  route: `/api/jobs/${snap.id}`,
                  message: `${snap.error?.code ?? ''}: ${snap.error?.message ?? ''}`,
                  // The code's title in the page's language (the registry's), not the server's English message.
                  ...(snap.error?.code ? { code: snap.error.code } : {}),
                },
        });
      if (snap.status !== 'running') es.close();
    };
    es.addEventListener('progress', onSnapshot);
    es.addEventListener('finished', onSnapshot);
    es.onerror = () => {
      // The stream ends after `finished`; only a stream that never finished is a failure.
      setJob((j) =>
        j.state === 'running'
          ? { state: 'failed', remote: { state: 'error', route: es.url, message: 'event stream closed' } }
          : j,
      );
      es.close();
    };
  };

  const start = async () => {
    source.current?.close();
    setRequestIssues([]);
    try {
      const started = await api<JobSnapshot>(`/api/jobs/${encodeURIComponent(kind)}`, { body: input });
      // Event-stream snapshots may leave the input out; the caption needs the seed and runs asked for.
      follow({ ...started, input: started.input ?? { seed, runs } });
    } catch (e) {
      if (e instanceof ApiError) setRequestIssues(e.issues);
      if (e instanceof ApiError && scenarioKind) setIssues(e.issues);
      setJob({ state: 'failed', remote: toRemote<never>(e, `/api/jobs/${kind}`) });
    }
  };

  const invalid =
    (kind === 'rubinstein-split' && (d1min > d1max || d2min > d2max)) ||
    (scenarioKind && edited && (body === null || issues.length > 0));
  const chooseScenario = (value: string) =>
    value.startsWith('saved:')
      ? setParams({ saved: value.slice('saved:'.length), edits: null })
      : setParams({
          scenario: value === DEFAULT_SCENARIO ? null : value,
          prior: hasFitted(value) ? '1' : null,
          saved: null,
          edits: null,
        });
  const savedDocs = savedList.state === 'ok' ? savedList.data : [];
  return (
    <>
      <h1>{s.title}</h1>
      <p className="muted">{s.intro}</p>
      <form
        noValidate
        className="card"
        aria-label={s.title}
        onSubmit={(e) => {
          e.preventDefault();
          if (!invalid) void start();
        }}
      >
        <RemoteView remote={kinds}>
          {(d) => (
            <div className="field">
              <label htmlFor="kind">{s.kind}</label>
              <select id="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                {d.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.title[i.lang]}
                  </option>
                ))}
              </select>
              <span className="muted">
                <SourceNote
                  text={jobSummary(
                    d.find((k) => k.kind === kind),
                    i.lang,
                  )}
                />
              </span>
            </div>
          )}
        </RemoteView>
        <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
          {/* Any number goes to the server, whose job schema is the one check; its answer shows beside the field. */}
          <NumberField
            label={s.runs}
            value={runs}
            min={-Infinity}
            max={Infinity}
            step={1000}
            onChange={setRuns}
            error={fieldIssueText(requestIssues, 'body.runs', s.runs, i.lang)}
          />
          <NumberField
            label={s.seed}
            value={seed}
            min={-Infinity}
            max={Infinity}
            step={1}
            onChange={setSeed}
            error={fieldIssueText(requestIssues, 'body.seed', s.seed, i.lang)}
          />
        </div>
        {kind === 'rubinstein-split' && (
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <NumberField label={s.d1min} value={d1min} min={0} max={0.99} step={0.01} onChange={setD1min} />
            <NumberField
              label={s.d1max}
              value={d1max}
              min={0}
              max={0.99}
              step={0.01}
              onChange={setD1max}
              validate={(v) => rangeOk(d1min, v)}
            />
            <NumberField label={s.d2min} value={d2min} min={0} max={0.99} step={0.01} onChange={setD2min} />
            <NumberField
              label={s.d2max}
              value={d2max}
              min={0}
              max={0.99}
              step={0.01}
              onChange={setD2max}
              validate={(v) => rangeOk(d2min, v)}
            />
            <NumberField label={s.bins} value={bins} min={1} max={200} step={1} integer onChange={setBins} />
          </div>
        )}
        {kind === 'scenario-monte-carlo' && (
          <div className="field">
            <label htmlFor="sma-talks">{s.scenario}</label>
            <select
              id="sma-talks"
              value={saved ? `saved:${saved}` : smaTalks.id}
              onChange={(e) => chooseScenario(e.target.value)}
            >
              <optgroup label={s.bundled}>
                {bundled.map((x) => (
                  <option key={x.id} value={x.id}>
                    {scenarioName(x, i.lang)}
                  </option>
                ))}
              </optgroup>
              {(savedDocs.length > 0 || saved) && (
                <optgroup label={s.saved}>
                  {saved && !savedDocs.some((d) => d.id === saved) && <option value={`saved:${saved}`}>{saved}</option>}
                  {savedDocs.map((d) => (
                    <option key={d.id} value={`saved:${d.id}`}>
                      {d.name} ({d.id})
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
            <span className="muted">
              <SourceNote
                text={scenarioDescription(bundled.find((x) => x.id === smaTalks.id && !saved) ?? {}, i.lang)}
              />
            </span>
          </div>
        )}
        {scenarioKind && base && <Assumptions body={body ?? base} />}
        {scenarioKind && (
          <details className="card" open={edited || undefined}>
            <summary>{s.edit}</summary>
            <p className="muted">
              <SourceNote text={s.editHint} />
            </p>
            <RemoteView remote={baseRemote}>
              {() =>
                base && (
                  <>
                    <ScenarioEditor
                      base={base}
                      edits={edits}
                      onEdits={(next) =>
                        setParams({ edits: Object.keys(next).length === 0 ? null : JSON.stringify(next) })
                      }
                      issues={issues}
                      checking={checking}
                    />
                    <SavePanel
                      key={`${saved}:${smaTalks.id}`}
                      body={body ?? base}
                      saved={saved}
                      disabled={checking || issues.length > 0}
                      onIssues={setIssues}
                      onSaved={(id) => {
                        setSavedVersion((v) => v + 1);
                        setParams({ saved: id, edits: null });
                      }}
                    />
                  </>
                )
              }
            </RemoteView>
          </details>
        )}
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          <button
            type="submit"
            className="primary"
            disabled={!kind || invalid || job.state === 'running' || signInNeeded}
          >
            {s.run}
          </button>
          <SignInToSave />
          {job.state === 'running' && (
            <button
              type="button"
              onClick={() =>
                void api(`/api/jobs/${encodeURIComponent(job.job.id)}/cancel`, { method: 'POST' }).catch(
                  () => undefined,
                )
              }
            >
              {s.cancel}
            </button>
          )}
        </div>
        {job.state !== 'idle' && job.state !== 'failed' && (
          <div className="field">
            <label htmlFor="progress">
              {s.progress}: {i.int(job.job.progress.done)} / {i.int(job.job.progress.total)}
            </label>
            <progress
              id="progress"
              className="progress"
              max={Math.max(1, job.job.progress.total)}
              value={job.job.progress.done}
            />
          </div>
        )}
      </form>
      {scenarioKind && !saved && !edited && base && (
        <NegotiationPlaneRun
          scenario={{
            id: smaTalks.id,
            name: base.name,
            ...(typeof base['name_ko'] === 'string' ? { name_ko: base['name_ko'] } : {}),
            issues: (base['domain'] as { issues?: readonly Issue[] } | undefined)?.issues ?? [],
          }}
          seed={seed}
        />
      )}
      {job.state === 'failed' && (
        <RemoteView remote={job.remote} label={(path) => requestLabels(s)[path]}>
          {() => null}
        </RemoteView>
      )}
      {job.state === 'done' && <Results job={job.job} body={scenarioKind ? body : null} />}
      {scenarioKind && !saved && !edited && base && base['realOutcome'] === null && (
        <SensitivityPanel
          key={`${smaTalks.id}:${seed}:${runs}`}
          scenario={smaTalks.id}
          seed={seed}
          runs={runs}
          body={base}
        />
      )}
    </>
  );
}

/** The form's own label for a request field the server names. */
const requestLabels = (s: { runs: string; seed: string }): Readonly<Record<string, string>> => ({
  'body.runs': s.runs,
  'body.seed': s.seed,
});

function Results({ job, body }: { job: JobSnapshot; body: ScenarioBody | null }) {
  const s = usePageStrings(S);
  const input = (job.input ?? {}) as { seed?: number; runs?: number };
  const caption = s.from
    .replace('{id}', job.id)
    .replace('{kind}', job.kind)
    .replace('{seed}', String(input.seed ?? '—'))
    .replace('{runs}', String(input.runs ?? '—'));
  return (
    <section aria-label={caption} data-testid="simulation-result" data-job-id={job.id}>
      <p className="muted">
        {caption}
        {!s.from.includes('{id}') && (
          <>
            {' '}
            (<code>{job.id}</code>, <code>{job.kind}</code>)
          </>
        )}
      </p>
      {job.kind === 'rubinstein-split' ? (
        <RubinsteinResult result={job.result as RubinsteinSplitResult} />
      ) : isScenarioResult(job.result) ? (
        <>
          <PlainAnswer result={job.result} body={body} />
          <ScenarioResults result={job.result} real={realOutcomeOf(job.result, body)} />
        </>
      ) : (
        <>
          <p>{s.unknownKind}</p>
          <pre style={{ overflowX: 'auto' }}>{JSON.stringify(job.result, null, 2)}</pre>
        </>
      )}
    </section>
  );
}

const isScenarioResult = (r: unknown): r is ScenarioMonteCarloResult =>
  typeof r === 'object' && r !== null && 'histograms' in r && 'agreementRate' in r;

/** Saves the (edited) scenario as a user scenario: PUT /api/documents/scenario/{id}, checked as a file. */
function SavePanel({
  body,
  saved,
  disabled,
  onIssues,
  onSaved,
}: {
  body: ScenarioBody;
  saved: string;
  disabled: boolean;
  onIssues: (issues: readonly ApiIssue[]) => void;
  onSaved: (id: string) => void;
}) {
  const signInNeeded = useSignInNeeded();
  const s = usePageStrings(S);
  const [id, setId] = useState(saved || `${body.id}-edited`);
  const [name, setName] = useState(saved ? body.name : `${body.name} (edited)`);
  const [state, setState] = useState<Remote<SavedDocument> | null>(null);
  const save = async () => {
    setState({ state: 'loading' });
    const route = `/api/documents/scenario/${encodeURIComponent(id)}`;
    try {
      const doc = await api<SavedDocument>(route, { method: 'PUT', body: { ...body, id, name } });
      setState({ state: 'ok', data: doc });
      onSaved(doc.id);
    } catch (e) {
      if (e instanceof ApiError) onIssues(e.issues);
      setState(toRemote<SavedDocument>(e, route));
    }
  };
  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap', alignItems: 'flex-end', marginTop: 8 }}>
      <div className="field">
        <label htmlFor="save-id">{s.saveId}</label>
        <input
          id="save-id"
          type="text"
          style={{ width: '18em', maxWidth: '100%' }}
          value={id}
          onChange={(e) => setId(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="save-name">{s.saveName}</label>
        <input
          id="save-name"
          type="text"
          style={{ width: '22em', maxWidth: '100%' }}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button
        type="button"
        disabled={disabled || state?.state === 'loading' || signInNeeded}
        onClick={() => void save()}
      >
        {s.save}
      </button>
      <SignInToSave />
      {state?.state === 'ok' && (
        <span role="status" data-testid="saved-status">
          {s.savedAs.replace('{id}', state.data.id).replace('{version}', String(state.data.version))}
        </span>
      )}
      {state?.state === 'error' && (
        <span className="error" role="alert">
          {state.message}
        </span>
      )}
    </div>
  );
}

function Histogram({
  title,
  filename,
  bins,
  fmt,
}: {
  title: string;
  filename: string;
  bins: readonly Bin[];
  fmt: (x: number) => string;
}) {
  const s = usePageStrings(S);
  const i = useI18n();
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: bins.map((b) => fmt(b.from)), name: title, nameLocation: 'middle', nameGap: 28 },
    yAxis: { type: 'value', name: s.count },
    series: [
      {
        type: 'bar',
        name: s.count,
        data: bins.map((b) => b.count),
        itemStyle: { color: '#0b5cad' },
        barCategoryGap: '5%',
      },
    ],
  };
  return (
    <div className="card">
      <Chart title={title} filename={filename} option={option} height={280} />
      <details>
        <summary>{i.lang === 'ko' ? '표와 CSV' : 'Table and CSV'}</summary>
        <DataTable
          caption={title}
          filename={filename}
          columns={[
            { key: 'from', header: `${title} ≥`, render: (b) => fmt(b.from), csv: (b) => b.from },
            { key: 'to', header: `${title} <`, render: (b) => fmt(b.to), csv: (b) => b.to },
            { key: 'n', header: s.count, numeric: true, render: (b) => i.int(b.count), csv: (b) => b.count },
          ]}
          rows={bins}
          rowKey={(b) => String(b.from)}
        />
      </details>
    </div>
  );
}

function RubinsteinResult({ result }: { result: RubinsteinSplitResult }) {
  const s = usePageStrings(S);
  const i = useI18n();
  return (
    <>
      <p className="result" data-testid="mean-share">
        {s.meanShare}: <strong>{i.num(result.meanShare)}</strong> ({s.ci} {i.num(result.meanInterval95[0])} –{' '}
        {i.num(result.meanInterval95[1])}; {s.sd} {i.num(result.standardDeviation)})
      </p>
      <Histogram
        title={s.shareHist}
        filename="simulation-rubinstein-share"
        bins={result.histogram}
        fmt={(x) => x.toFixed(3)}
      />
    </>
  );
}

/** A job kind's summary in the reader's language. */
const jobSummary = (k: JobKindSummary | undefined, lang: 'en' | 'ko'): string =>
  k === undefined ? '' : lang === 'ko' ? k.summaryKo : k.summary;
