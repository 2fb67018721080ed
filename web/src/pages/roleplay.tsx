import { useCallback, useEffect, useMemo, useState } from 'react';
import Chart, { type ChartOption } from '../components/chart.js';
import { useI18n, usePageStrings } from '../i18n/lang.js';
import { useRoute } from '../router.js';
import type { MoveView, RolePlayView, Side, TableDebrief } from '../../../src/engine/roleplay/index.js';
import type { Issue, Outcome } from '../../../src/engine/negotiation/domain.js';

const S = {
  en: {
    title: 'Role-play',
    intro:
      'Negotiate the SMA as the US and ROK delegations, against each other or against a software agent. Create a table, hand out the links, then follow it as facilitator.',
    scenario: 'Scenario',
    side_us: 'United States',
    side_rok: 'Republic of Korea',
    people: 'People',
    agentBoulware: 'Agent: tough (time-dependent, e = 0.2)',
    agentConceder: 'Agent: conceding (time-dependent, e = 2)',
    agentTft: 'Agent: tit-for-tat',
    create: 'Create table',
    links: 'Secret links (each opens one seat; keep the facilitator link to yourself)',
    link_facilitator: 'Facilitator',
    link_us: 'US delegation',
    link_rok: 'ROK delegation',
    copy: 'Copy',
    copied: 'Copied',
    open: 'Open',
    you: 'You are',
    facilitator: 'Facilitator',
    round: 'Round {r} of {n}, {date}',
    lapse: 'In lapse: {m} months, {w} workers furloughed ({wm} worker-months so far)',
    noLapse: 'The old agreement is in force',
    toMove: 'To move: {side}',
    phase: 'Phase',
    status: 'Status',
    common: 'Common brief',
    confidential: 'Confidential brief',
    reservation: 'Reservation value today',
    history: 'Offers',
    date: 'Date',
    side: 'Side',
    move: 'Move',
    terms: 'Terms',
    message: 'Message',
    myScore: 'My score',
    score: 'Score {side}',
    byAgent: 'agent',
    offerForm: 'Your offer',
    draftScore: 'My score of this draft',
    sendOffer: 'Send offer',
    accept: 'Accept the standing offer',
    walk: 'Walk away',
    conflict: 'The other side moved first — refreshed. Look again and decide.',
    waiting: 'Waiting for the other side…',
    noMoves: 'No offers yet.',
    pause: 'Pause',
    resume: 'Resume',
    extend: 'Extend',
    rounds: 'Rounds',
    end: 'End the table',
    debrief: 'Debrief',
    plane: 'Offers on the utility plane (US utility, ROK utility)',
    frontier: 'Pareto frontier',
    nash: 'Nash',
    ks: 'Kalai–Smorodinsky',
    deal: 'Deal',
    disagreement: 'Reservation values',
    real: 'Real outcome',
    path_us: 'US offers',
    path_rok: 'ROK offers',
    surplus: 'Surplus',
    leftOnTable: 'Left on the table',
    monthsInLapse: 'Months in lapse',
    furloughed: 'Furloughed worker-months',
    thisTable: 'This table',
    noDeal: 'No deal',
    concluded: 'concluded {date}',
    badToken: 'This link is not valid.',
    agreement: 'Agreement',
    votes: 'Assembly votes',
  },
  ko: {
    title: '역할극',
    intro:
      '한국과 미국 대표단이 되어 SMA를 협상합니다. 상대는 사람이나 소프트웨어 에이전트입니다. 테이블을 만들고 링크를 나눠 준 뒤 진행자로 지켜봅니다.',
    scenario: '시나리오',
    side_us: '미국',
    side_rok: '대한민국',
    people: '사람',
    agentBoulware: '에이전트: 강경 (시간 의존, e = 0.2)',
    agentConceder: '에이전트: 양보형 (시간 의존, e = 2)',
    agentTft: '에이전트: 맞대응',
    create: '테이블 만들기',
    links: '비밀 링크 (링크마다 한 자리; 진행자 링크는 혼자 보관)',
    link_facilitator: '진행자',
    link_us: '미국 대표단',
    link_rok: '한국 대표단',
    copy: '복사',
    copied: '복사됨',
    open: '열기',
    you: '내 자리',
    facilitator: '진행자',
    round: '{r}/{n}차, {date}',
    lapse: '협정 공백: {m}개월, 무급휴직 {w}명 (누적 {wm}인·월)',
    noLapse: '기존 협정 유효',
    toMove: '차례: {side}',
    phase: '단계',
    status: '상태',
    common: '공통 지침',
    confidential: '비공개 지침',
    reservation: '오늘의 유보가치',
    history: '제안',
    date: '날짜',
    side: '측',
    move: '행동',
    terms: '조건',
    message: '메시지',
    myScore: '내 점수',
    score: '{side} 점수',
    byAgent: '에이전트',
    offerForm: '내 제안',
    draftScore: '이 초안의 내 점수',
    sendOffer: '제안 보내기',
    accept: '현재 제안 수락',
    walk: '협상 결렬',
    conflict: '상대가 먼저 움직였습니다 — 새로 고쳤습니다. 다시 보고 결정하세요.',
    waiting: '상대를 기다리는 중…',
    noMoves: '아직 제안이 없습니다.',
    pause: '일시 정지',
    resume: '재개',
    extend: '연장',
    rounds: '차수',
    end: '테이블 종료',
    debrief: '결과 분석',
    plane: '효용 평면 위의 제안 (미국 효용, 한국 효용)',
    frontier: '파레토 경계',
    nash: '내시',
    ks: '칼라이–스모로딘스키',
    deal: '합의',
    disagreement: '유보가치',
    real: '실제 결과',
    path_us: '미국 제안',
    path_rok: '한국 제안',
    surplus: '잉여',
    leftOnTable: '놓친 가치',
    monthsInLapse: '협정 공백 개월',
    furloughed: '무급휴직 인·월',
    thisTable: '이 테이블',
    noDeal: '합의 없음',
    concluded: '{date} 타결',
    badToken: '유효하지 않은 링크입니다.',
    agreement: '합의',
    votes: '국회 표결',
  },
};
type Strings = { readonly [K in keyof (typeof S)['en']]: string };

interface RpError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

/** The role-play API's JSON, its error body `{ error: { code, message } }` thrown as an RpError. */
async function rp<T>(path: string, token: string | null, body?: unknown, headers?: Record<string, string>): Promise<T> {
  const res = await fetch(`/api/roleplay${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      accept: 'application/json',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const e: RpError = {
      status: res.status,
      code: json?.error?.code ?? String(res.status),
      message: json?.error?.message ?? res.statusText,
    };
    throw e;
  }
  return json as T;
}

const errorText = (e: unknown): string =>
  typeof e === 'object' && e !== null && 'code' in e ? `${(e as RpError).code}: ${(e as RpError).message}` : String(e);

const fill = (template: string, values: Record<string, string | number>): string =>
  Object.entries(values).reduce((t, [k, v]) => t.replace(`{${k}}`, String(v)), template);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const fmtValue = (issue: Issue | undefined, v: number | string): string =>
  typeof v === 'number' && issue?.kind === 'numeric' && issue.unit === 'rate' ? pct(v) : String(v);
const fmtOutcome = (issues: readonly Issue[], o: Outcome | null): string =>
  o === null
    ? '—'
    : issues
        .filter((i) => o[i.name] !== undefined)
        .map((i) => `${i.name} ${fmtValue(i, o[i.name] as number | string)}`)
        .join(', ');

const AGENTS = {
  boulware: { kind: 'time-dependent', e: 0.2 },
  conceder: { kind: 'time-dependent', e: 2 },
  tft: { kind: 'tit-for-tat' },
} as const;
type Player = 'people' | keyof typeof AGENTS;

export default function RolePlayPage() {
  const s = usePageStrings(S);
  const { params } = useRoute();
  const token = params.get('token');
  return (
    <>
      <h1>{s.title}</h1>
      {token ? <Seat key={token} token={token} s={s} /> : <Setup s={s} />}
    </>
  );
}

function Setup({ s }: { s: Strings }) {
  const [scenarios, setScenarios] = useState<readonly { id: string; name: string; description?: string }[]>([]);
  const [scenarioId, setScenarioId] = useState('');
  const [players, setPlayers] = useState<Record<Side, Player>>({ us: 'people', rok: 'people' });
  const [created, setCreated] = useState<{ sessionId: string; tokens: Partial<Record<string, string>> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    rp<typeof scenarios>('/scenarios', null)
      .then((list) => {
        setScenarios(list);
        setScenarioId((id) => id || (list[0]?.id ?? ''));
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, []);
  const create = async () => {
    setError(null);
    const agents: Partial<Record<Side, unknown>> = {};
    for (const side of ['us', 'rok'] as const) {
      const p = players[side];
      if (p !== 'people') agents[side] = AGENTS[p];
    }
    try {
      setCreated(await rp('/sessions', null, { scenarioId, ...(Object.keys(agents).length > 0 ? { agents } : {}) }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  const linkFor = (t: string) => `${window.location.origin}${window.location.pathname}#/roleplay?token=${t}`;
  return (
    <>
      <p className="muted">{s.intro}</p>
      <div className="card">
        <div className="field">
          <label htmlFor="rp-scenario">{s.scenario}</label>
          <select id="rp-scenario" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
            {scenarios.map((sc) => (
              <option key={sc.id} value={sc.id}>
                {sc.name}
              </option>
            ))}
          </select>
        </div>
        {(['us', 'rok'] as const).map((side) => (
          <div className="field" key={side}>
            <label htmlFor={`rp-player-${side}`}>{s[`side_${side}`]}</label>
            <select
              id={`rp-player-${side}`}
              value={players[side]}
              onChange={(e) => setPlayers((p) => ({ ...p, [side]: e.target.value as Player }))}
            >
              <option value="people">{s.people}</option>
              <option value="boulware">{s.agentBoulware}</option>
              <option value="conceder">{s.agentConceder}</option>
              <option value="tft">{s.agentTft}</option>
            </select>
          </div>
        ))}
        <button type="button" className="primary" disabled={!scenarioId} onClick={() => void create()}>
          {s.create}
        </button>
        {error && <p role="alert">{error}</p>}
      </div>
      {created && (
        <section className="card" aria-label={s.links}>
          <h2>{s.links}</h2>
          <ul>
            {(['facilitator', 'us', 'rok'] as const).map((seat) => {
              const t = created.tokens[seat];
              if (!t) return null;
              const link = linkFor(t);
              return (
                <li key={seat}>
                  <strong>{s[`link_${seat}`]}</strong>{' '}
                  <a href={`#/roleplay?token=${t}`} data-testid={`link-${seat}`} style={{ wordBreak: 'break-all' }}>
                    {link}
                  </a>{' '}
                  <button
                    type="button"
                    onClick={() => {
                      void navigator.clipboard?.writeText(link).then(() => setCopied(seat));
                    }}
                  >
                    {copied === seat ? s.copied : s.copy}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}

function Seat({ token, s }: { token: string; s: Strings }) {
  const [view, setView] = useState<RolePlayView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const next = await rp<RolePlayView>('/me', token);
      // A fetch can cross an event in flight: keep the newest state.
      setView((v) => (v === null || next.seq >= v.seq ? next : v));
    } catch (e) {
      setError((e as RpError).status === 401 ? s.badToken : errorText(e));
    }
  }, [token, s.badToken]);
  useEffect(() => {
    void reload();
    const source = new EventSource(`/api/roleplay/me/events?token=${encodeURIComponent(token)}`);
    source.addEventListener('view', (ev) => {
      const next = JSON.parse((ev as MessageEvent<string>).data) as RolePlayView;
      setView((v) => (v === null || next.seq >= v.seq ? next : v));
    });
    return () => source.close();
  }, [token, reload]);
  if (error) return <p role="alert">{error}</p>;
  if (!view) return <p className="muted">…</p>;
  return view.role === 'facilitator' ? (
    <Facilitator view={view} token={token} s={s} />
  ) : (
    <SideSeat view={view} side={view.role} token={token} s={s} reload={reload} />
  );
}

function Header({ view, s }: { view: RolePlayView; s: Strings }) {
  const l = view.clock.lapse;
  const sideName = (side: Side) => s[`side_${side}`];
  return (
    <div className="card" data-testid="rp-header">
      <p>
        <strong>{view.scenario.name}</strong> · {view.table.label} · {s.you}:{' '}
        <strong>{view.role === 'facilitator' ? s.facilitator : sideName(view.role)}</strong>
      </p>
      <p>
        {fill(s.round, { r: view.clock.round + 1, n: view.clock.lastRound + 1, date: view.clock.date })} ·{' '}
        {l.inLapse
          ? fill(s.lapse, { m: l.monthsInLapse, w: l.furloughedWorkers, wm: l.furloughedWorkerMonths })
          : s.noLapse}
      </p>
      <p data-testid="rp-status">
        {s.phase}: {view.phase} · {s.status}: {view.status}
        {view.reason ? ` (${view.reason})` : ''}
        {view.toMove ? ` · ${fill(s.toMove, { side: sideName(view.toMove) })}` : ''}
      </p>
      {view.agreement && (
        <p>
          <strong>{s.agreement}:</strong> {fmtOutcome(view.scenario.issues, view.agreement)}
        </p>
      )}
    </div>
  );
}

function BriefBox({ title, brief }: { title: string; brief: { title: string; paragraphs: readonly string[] } }) {
  return (
    <details className="card" open>
      <summary>
        <strong>{title}</strong>: {brief.title}
      </summary>
      {brief.paragraphs.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </details>
  );
}

function History({ view, s, sides }: { view: RolePlayView; s: Strings; sides: readonly Side[] }) {
  if (view.moves.length === 0) return <p className="muted">{s.noMoves}</p>;
  return (
    <table data-testid="rp-history">
      <caption>{s.history}</caption>
      <thead>
        <tr>
          <th>{s.date}</th>
          <th>{s.side}</th>
          <th>{s.move}</th>
          <th>{s.terms}</th>
          <th>{s.message}</th>
          {sides.map((side) => (
            <th key={side}>{sides.length === 1 ? s.myScore : fill(s.score, { side: side.toUpperCase() })}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.moves.map((m: MoveView) => (
          <tr key={m.seq}>
            <td>{m.date}</td>
            <td>
              {s[`side_${m.side}`]}
              {m.byAgent ? ` (${s.byAgent})` : ''}
            </td>
            <td>{m.kind}</td>
            <td>{fmtOutcome(view.scenario.issues, m.outcome)}</td>
            <td>{m.message}</td>
            {sides.map((side) => (
              <td key={side}>{m.scores[side] === undefined ? '—' : (m.scores[side] ?? 0).toFixed(3)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const snap = (issue: Issue, raw: number): number => {
  if (issue.kind !== 'numeric') return raw;
  const k = Math.round((Math.min(issue.max, Math.max(issue.min, raw)) - issue.min) / issue.step);
  const places = Math.max(0, -Math.floor(Math.log10(issue.step)) + 1);
  return Number((issue.min + k * issue.step).toFixed(Math.min(12, places)));
};

const initialDraft = (view: RolePlayView): Record<string, number | string> => {
  const draft: Record<string, number | string> = {};
  for (const issue of view.scenario.issues) {
    const standing = view.standing?.outcome?.[issue.name];
    draft[issue.name] = standing ?? (issue.kind === 'numeric' ? issue.min : (issue.options[0] ?? ''));
  }
  return draft;
};

function SideSeat(props: { view: RolePlayView; side: Side; token: string; s: Strings; reload: () => Promise<void> }) {
  const { view, side, token, s, reload } = props;
  const { lang } = useI18n();
  const mine = view.private[side];
  const [draft, setDraft] = useState<Record<string, number | string>>(() => initialDraft(view));
  const [message, setMessage] = useState('');
  const [draftScore, setDraftScore] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const draftKey = JSON.stringify(draft);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      rp<{ scores: Partial<Record<Side, number>> }>('/me/score', token, { outcome: JSON.parse(draftKey) as Outcome })
        .then((r) => live && setDraftScore(r.scores[side] ?? null))
        .catch(() => live && setDraftScore(null));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [draftKey, token, side]);
  const act = async (action: Record<string, unknown>) => {
    setBusy(true);
    setNotice(null);
    try {
      await rp('/me/actions', token, { action, expectedSeq: view.seq }, { 'idempotency-key': crypto.randomUUID() });
      setMessage('');
      await reload();
    } catch (e) {
      const err = e as RpError;
      if (err.status === 409) {
        await reload();
        setNotice(
          err.code === 'roleplay/conflict' || err.code === 'negotiation/out_of_turn' ? s.conflict : errorText(e),
        );
      } else setNotice(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const open = view.phase === 'running' && view.status === 'open';
  const myTurn = open && view.toMove === side;
  const canAccept = myTurn && view.standing !== null && view.standing.side !== side;
  return (
    <>
      <Header view={view} s={s} />
      <BriefBox title={s.common} brief={view.brief[lang]} />
      {mine && (
        <>
          <BriefBox title={s.confidential} brief={mine.brief[lang]} />
          <p>
            {s.reservation}: <strong data-testid="rp-reservation">{mine.reservation.toFixed(3)}</strong>
          </p>
        </>
      )}
      <section className="card">
        <h2>{s.history}</h2>
        <History view={view} s={s} sides={[side]} />
      </section>
      <section className="card" aria-label={s.offerForm}>
        <h2>{s.offerForm}</h2>
        {view.scenario.issues.map((issue) => (
          <div className="field" key={issue.name}>
            <label htmlFor={`rp-issue-${issue.name}`}>
              {issue.name}
              {issue.kind === 'numeric' ? ` (${issue.unit})` : ''}
            </label>
            {issue.kind === 'numeric' ? (
              <input
                id={`rp-issue-${issue.name}`}
                type="number"
                min={issue.min}
                max={issue.max}
                step={issue.step}
                value={draft[issue.name] ?? issue.min}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  if (e.target.value !== '' && Number.isFinite(n))
                    setDraft((d) => ({ ...d, [issue.name]: snap(issue, n) }));
                }}
              />
            ) : (
              <select
                id={`rp-issue-${issue.name}`}
                value={String(draft[issue.name] ?? '')}
                onChange={(e) => setDraft((d) => ({ ...d, [issue.name]: e.target.value }))}
              >
                {issue.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            )}
          </div>
        ))}
        <div className="field">
          <label htmlFor="rp-message">{s.message}</label>
          <textarea id="rp-message" rows={2} value={message} onChange={(e) => setMessage(e.target.value)} />
        </div>
        <p>
          {s.draftScore}:{' '}
          <strong data-testid="rp-draft-score">{draftScore === null ? '—' : draftScore.toFixed(3)}</strong>
          {mine ? ` (${s.reservation}: ${mine.reservation.toFixed(3)})` : ''}
        </p>
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            disabled={!myTurn || busy}
            onClick={() => void act({ type: 'offer', outcome: draft, ...(message ? { message } : {}) })}
          >
            {s.sendOffer}
          </button>
          <button
            type="button"
            disabled={!canAccept || busy}
            onClick={() => void act({ type: 'accept', ...(message ? { message } : {}) })}
          >
            {s.accept}
          </button>
          <button
            type="button"
            disabled={!myTurn || busy}
            onClick={() => void act({ type: 'walk-away', ...(message ? { message } : {}) })}
          >
            {s.walk}
          </button>
        </div>
        {open && !myTurn && <p className="muted">{s.waiting}</p>}
        {notice && (
          <p role="alert" data-testid="rp-notice">
            {notice}
          </p>
        )}
      </section>
    </>
  );
}

function Facilitator({ view, token, s }: { view: RolePlayView; token: string; s: Strings }) {
  const { lang } = useI18n();
  const [rounds, setRounds] = useState(2);
  const [notice, setNotice] = useState<string | null>(null);
  const [debrief, setDebrief] = useState<TableDebrief | null>(null);
  const act = async (action: Record<string, unknown>) => {
    setNotice(null);
    try {
      await rp('/me/actions', token, { action }, { 'idempotency-key': crypto.randomUUID() });
    } catch (e) {
      setNotice(errorText(e));
    }
  };
  const ended = view.phase === 'ended';
  useEffect(() => {
    if (!ended) return;
    rp<TableDebrief>('/me/debrief', token)
      .then(setDebrief)
      .catch((e: unknown) => setNotice(errorText(e)));
  }, [ended, token, view.seq]);
  return (
    <>
      <Header view={view} s={s} />
      <div className="toolbar card">
        {view.phase === 'paused' ? (
          <button type="button" onClick={() => void act({ type: 'resume' })}>
            {s.resume}
          </button>
        ) : (
          <button type="button" disabled={ended} onClick={() => void act({ type: 'pause' })}>
            {s.pause}
          </button>
        )}
        <label>
          {s.rounds}{' '}
          <input
            type="number"
            min={1}
            max={24}
            value={rounds}
            style={{ width: '4rem' }}
            onChange={(e) => setRounds(Math.max(1, Math.min(24, Math.round(Number(e.target.value)) || 1)))}
          />
        </label>
        <button type="button" disabled={ended} onClick={() => void act({ type: 'extend', rounds })}>
          {s.extend}
        </button>
        <button type="button" className="primary" disabled={ended} onClick={() => void act({ type: 'end' })}>
          {s.end}
        </button>
      </div>
      {notice && <p role="alert">{notice}</p>}
      <section className="card">
        <h2>{s.history}</h2>
        <History view={view} s={s} sides={['us', 'rok']} />
      </section>
      {debrief && <Debrief debrief={debrief} s={s} />}
      <BriefBox title={s.common} brief={view.brief[lang]} />
      <div className="grid2">
        {(['us', 'rok'] as const).map((side) => {
          const p = view.private[side];
          return p ? (
            <div key={side}>
              <BriefBox title={`${s.confidential} — ${s[`side_${side}`]}`} brief={p.brief[lang]} />
              <p>
                {s.reservation}: {p.reservation.toFixed(3)}
              </p>
            </div>
          ) : null;
        })}
      </div>
    </>
  );
}

function Debrief({ debrief, s }: { debrief: TableDebrief; s: Strings }) {
  const option = useMemo((): ChartOption => {
    const xy = (p: { u1: number; u2: number }) => [p.u1, p.u2];
    const path = (side: Side) => debrief.path.filter((p) => p.side === side).map(xy);
    const point = (name: string, p: { u1: number; u2: number } | null | undefined, symbol: string, color: string) => ({
      name,
      type: 'scatter',
      symbol,
      symbolSize: 14,
      itemStyle: { color },
      data: p ? [xy(p)] : [],
    });
    return {
      tooltip: { trigger: 'item' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 50, bottom: 40 },
      xAxis: { type: 'value', name: 'US', min: 0, max: 1 },
      yAxis: { type: 'value', name: 'ROK', min: 0, max: 1 },
      series: [
        { name: s.frontier, type: 'line', showSymbol: false, data: debrief.frontier.map(xy), lineStyle: { width: 2 } },
        { name: s.path_us, type: 'line', data: path('us'), symbolSize: 8 },
        { name: s.path_rok, type: 'line', data: path('rok'), symbolSize: 8 },
        point(s.disagreement, debrief.disagreement, 'rect', '#666'),
        point(s.nash, debrief.nash, 'diamond', '#c23531'),
        point(s.ks, debrief.kalaiSmorodinsky, 'triangle', '#2f4554'),
        point(s.deal, debrief.deal?.point, 'pin', '#d48265'),
        point(s.real, debrief.real?.point, 'circle', '#91c7ae'),
      ],
    };
  }, [debrief, s]);
  return (
    <section className="card" data-testid="rp-debrief" aria-label={s.debrief}>
      <h2>{s.debrief}</h2>
      <p>
        {debrief.reason} · {debrief.endDate}
        {debrief.deal ? '' : ` · ${s.noDeal}`}
      </p>
      <Chart title={s.plane} filename={`roleplay-${debrief.table.id}`} option={option} height={420} />
      <table>
        <thead>
          <tr>
            <th>{s.side}</th>
            <th>{s.myScore}</th>
            <th>{s.disagreement}</th>
            <th>{s.surplus}</th>
            <th>{s.leftOnTable}</th>
          </tr>
        </thead>
        <tbody>
          {(['us', 'rok'] as const).map((side) => {
            const sc = debrief.scores[side];
            return (
              <tr key={side}>
                <td>{s[`side_${side}`]}</td>
                <td>{sc.score.toFixed(3)}</td>
                <td>{sc.reservation.toFixed(3)}</td>
                <td>{sc.surplus.toFixed(3)}</td>
                <td>{sc.leftOnTable.toFixed(3)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th></th>
            <th>{s.monthsInLapse}</th>
            <th>{s.furloughed}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{s.thisTable}</td>
            <td>{debrief.delay.monthsInLapse}</td>
            <td>{debrief.delay.furloughedWorkerMonths.toLocaleString()}</td>
          </tr>
          {debrief.real && (
            <tr>
              <td>
                {s.real} ({fill(s.concluded, { date: debrief.real.concluded })})
              </td>
              <td>{debrief.real.monthsInLapse}</td>
              <td>{debrief.real.furloughedWorkerMonths.toLocaleString()}</td>
            </tr>
          )}
        </tbody>
      </table>
      {debrief.real && (
        <p>
          <strong>{s.real}:</strong>{' '}
          {Object.entries(debrief.real.outcome)
            .map(([k, v]) => `${k} ${String(v)}`)
            .join(', ')}
        </p>
      )}
    </section>
  );
}
