import { useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import {
  buildOutcomeTable,
  createResearchAgent,
  createRng,
  domainStats,
  initialState,
  issueValues,
  listOutcomes,
  randomBilateralDomain,
  readDomainFiles,
  RESEARCH_STRATEGIES,
  runNegotiation,
  step,
  utility,
  type BilateralDomain,
  type DomainFileError,
  type DomainStats,
  type IssueValue,
  type NegotiationAction,
  type NegotiationConfig,
  type NegotiationParty,
  type NegotiationState,
  type Outcome,
  type ResearchStrategySpec,
  type Rng,
} from '../../../src/index.js';
import Chart, { type ChartOption } from '../components/chart.js';
import PlacedProblemText from '../components/placed-problem.js';
import { usePageStrings, useI18n } from '../i18n/lang.js';
import { SourceNote } from '../components/source-note.js';
import { endReasonLabel, strategyLabel } from '../../../src/i18n/labels.js';

// A person negotiates against one of the engine's agents on a standard domain, in the browser: the files go through
// the one domain reader (readDomainFiles), the moves through the protocol reducer (step), the agent's replies through
// the run driver (runNegotiation from the current state), and the plane's Pareto, Nash and KS points are domainStats.

const STRINGS = {
  en: {
    title: 'Play against an agent on a standard domain',
    intro:
      "Load a domain (Genius XML: the domain and both utility spaces; GeniusWeb JSON: both profiles; NegMAS YAML), pick an agent and your side, then make offers turn by turn (alternating offers, Genius SAOP). Utilities are each profile's, undiscounted, from the files.",
    files: 'Domain files',
    example: 'Or a random example domain',
    loaded: 'Loaded',
    outcomes: 'outcomes',
    agent: 'Agent',
    side: 'You play',
    deadline: 'Deadline (steps)',
    seed: 'Seed of the agent',
    start: 'Start',
    restart: 'Start again',
    yourOffer: 'Your offer',
    offer: 'Make this offer',
    accept: 'Accept their offer',
    walk: 'Walk away',
    you: 'You',
    them: 'Agent',
    uYou: 'your utility',
    uThem: 'their utility',
    standing: 'Their offer on the table',
    none: 'none yet',
    history: 'Moves',
    step: 'Step',
    who: 'Who',
    move: 'Move',
    offered: 'offers',
    accepted: 'accepts',
    walked: 'walks away',
    agreement: 'Agreement',
    noDeal: 'No agreement',
    reason: 'ended by',
    yourTurn: 'Your turn: step',
    of: 'of',
    plane: 'Utility plane (profile A, profile B): outcomes, Pareto frontier, Nash and Kalai–Smorodinsky points, offers',
    all: 'Outcomes',
    pareto: 'Pareto frontier',
    nash: 'Nash',
    ks: 'Kalai–Smorodinsky',
    mine: 'Your offers',
    theirs: 'Agent offers',
    deal: 'Agreement',
    source:
      'Points: `domainStats` of the loaded files (`docs/domains.md`); utilities: each profile’s weights and evaluations.',
    profile: 'profile',
  },
  ko: {
    title: '표준 도메인에서 에이전트와 협상하기',
    intro:
      '도메인을 불러오고(Genius XML: 도메인과 두 효용 공간, GeniusWeb JSON: 두 프로필, NegMAS YAML) 에이전트와 내 편을 고른 뒤 차례대로 제안하세요(교대 제안, Genius SAOP). 효용은 파일에 있는 각 프로필의 할인 없는 효용입니다.',
    files: '도메인 파일',
    example: '또는 무작위 예시 도메인',
    loaded: '불러옴',
    outcomes: '개 결과',
    agent: '에이전트',
    side: '내가 맡을 프로필',
    deadline: '마감 (단계 수)',
    seed: '에이전트 시드',
    start: '시작',
    restart: '다시 시작',
    yourOffer: '내 제안',
    offer: '이 제안 보내기',
    accept: '상대 제안 수락',
    walk: '협상 중단',
    you: '나',
    them: '에이전트',
    uYou: '내 효용',
    uThem: '상대 효용',
    standing: '상대가 낸 제안',
    none: '아직 없음',
    history: '진행 기록',
    step: '단계',
    who: '누가',
    move: '행동',
    offered: '제안',
    accepted: '수락',
    walked: '협상 중단',
    agreement: '합의',
    noDeal: '합의 없음',
    reason: '종료 사유',
    yourTurn: '내 차례: 단계',
    of: '/',
    plane: '효용 평면 (프로필 A, 프로필 B): 결과, 파레토 경계, 내시·칼라이-스모로딘스키 점, 제안',
    all: '결과',
    pareto: '파레토 경계',
    nash: '내시',
    ks: '칼라이-스모로딘스키',
    mine: '내 제안',
    theirs: '에이전트 제안',
    deal: '합의',
    source: '점: 불러온 파일의 `domainStats` (`docs/domains.md`), 효용: 각 프로필의 가중치와 평가값.',
    profile: '프로필',
  },
};

interface Move {
  readonly step: number;
  readonly by: 0 | 1;
  readonly action: NegotiationAction;
}

interface Game {
  readonly config: NegotiationConfig;
  readonly parties: readonly [NegotiationParty, NegotiationParty];
  readonly rng: Rng;
  /** The profile the person plays (0: A, 1: B); the agent plays the other. */
  readonly side: 0 | 1;
  readonly state: NegotiationState;
  readonly moves: readonly Move[];
}

const human = { kind: 'human', decide: () => null };
const text = (o: Outcome): string =>
  Object.entries(o)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');

/** The agent's moves from `state` until the person's turn or the end, through the run driver. */
function agentTurn(game: Game, state: NegotiationState): Game {
  const run = runNegotiation(game.config, game.parties, game.rng, { from: state, trace: true });
  if (run.ok) {
    const moves = run.value.trace.map((t) => ({ step: t.step, by: 1 as const, action: t.action }));
    return { ...game, state: run.value.state, moves: [...game.moves, ...moves] };
  }
  if (run.error.code !== 'negotiation/awaiting_input') throw new Error(run.error.code);
  const next = run.error.details.state;
  // The agent moved once (an offer) before handing the turn back.
  const moves: Move[] =
    next.standing !== null && next.standing.by === 1 && next.step > state.step
      ? [{ step: state.step, by: 1, action: { type: 'offer', party: 1, outcome: next.standing.outcome } }]
      : [];
  return { ...game, state: next, moves: [...game.moves, ...moves] };
}

export function PlayAgainstAgent() {
  const s = usePageStrings(STRINGS);
  const i = useI18n();
  const [domain, setDomain] = useState<BilateralDomain | null>(null);
  const [problems, setProblems] = useState<readonly DomainFileError[]>([]);
  const [agentName, setAgentName] = useState('boulware');
  const [side, setSide] = useState<0 | 1>(0);
  const [deadline, setDeadline] = useState(20);
  const [seed, setSeed] = useState(1);
  const [game, setGame] = useState<Game | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const exampleSeed = useRef(1);
  const id = useId();
  const stats = useMemo<DomainStats | null>(() => (domain ? domainStats(domain) : null), [domain]);
  const outcomes = useMemo(() => (domain ? listOutcomes(domain.domain) : []), [domain]);

  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    const named = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    const read = readDomainFiles(named);
    setGame(null);
    if (read.ok) {
      setDomain(read.value);
      setProblems([]);
    } else {
      setDomain(null);
      setProblems(read.error);
    }
  };
  const example = () => {
    setGame(null);
    setProblems([]);
    setDomain(randomBilateralDomain(createRng(exampleSeed.current++), { maxReservation: 0.3 }));
  };

  const start = () => {
    if (domain === null) return;
    const other = (1 - side) as 0 | 1;
    const mine = domain.profiles[side].preferences;
    const theirs = domain.profiles[other].preferences;
    const spec = RESEARCH_STRATEGIES[agentName] as ResearchStrategySpec;
    const agent = createResearchAgent(spec, domain.domain, theirs, buildOutcomeTable(domain.domain, theirs, outcomes));
    setGame({
      config: {
        domain: domain.domain,
        parties: [s.you, agentName],
        mode: 'alternating',
        deadline,
        ratification: 'none',
      },
      parties: [
        { agent: human, preferences: mine },
        { agent, preferences: theirs },
      ],
      rng: createRng(seed),
      side,
      state: initialState(),
      moves: [],
    });
    const first: Record<string, string> = {};
    for (const issue of domain.domain.issues) first[issue.name] = String(issueValues(issue)[0]);
    setDraft(first);
  };

  const act = (action: NegotiationAction) => {
    if (game === null) return;
    const next = step(game.config, game.state, action);
    if (!next.ok) return;
    const played: Game = {
      ...game,
      state: next.value,
      moves: [...game.moves, { step: game.state.step, by: 0, action }],
    };
    setGame(next.value.status === 'open' ? agentTurn(played, next.value) : played);
  };

  const draftOutcome = (): Outcome => {
    const o: Record<string, IssueValue> = {};
    for (const issue of domain?.domain.issues ?? []) {
      const raw = draft[issue.name] ?? '';
      o[issue.name] = issue.kind === 'numeric' ? Number(raw) : raw;
    }
    return o;
  };
  const u = (who: 0 | 1, o: Outcome): number =>
    game && domain ? utility(domain.domain, game.parties[who].preferences, o) : Number.NaN;

  const option = useMemo<ChartOption>(() => {
    if (!domain || !stats) return {};
    const [a, b] = domain.profiles;
    const at = (o: Outcome): [number, number] => [
      utility(domain.domain, a.preferences, o),
      utility(domain.domain, b.preferences, o),
    ];
    const offers = (by: 0 | 1) =>
      (game?.moves ?? []).flatMap((m) => (m.by === by && m.action.type === 'offer' ? [at(m.action.outcome)] : []));
    const agreed = game?.state.agreement ? [at(game.state.agreement)] : [];
    return {
      legend: { top: 0 },
      tooltip: { trigger: 'item' },
      grid: { left: 24, right: 16, top: 48, bottom: 30, containLabel: true },
      xAxis: { type: 'value', name: `u(${s.profile} A)`, nameLocation: 'middle', nameGap: 24, min: 0, max: 1 },
      yAxis: { type: 'value', name: `u(${s.profile} B)`, nameLocation: 'middle', nameGap: 32, min: 0, max: 1 },
      series: [
        {
          type: 'scatter',
          name: s.all,
          data: outcomes.length <= 5000 ? outcomes.map(at) : [],
          symbolSize: 4,
          itemStyle: { color: '#b8bec6' },
        },
        {
          type: 'line',
          name: s.pareto,
          data: stats.pareto.map((p) => [p.utilities[0], p.utilities[1]]),
          lineStyle: { color: '#5b636d' },
          symbolSize: 5,
        },
        {
          type: 'scatter',
          name: s.nash,
          data: [[stats.nash.utilities[0], stats.nash.utilities[1]]],
          symbolSize: 14,
          itemStyle: { color: '#0b5cad' },
        },
        {
          type: 'scatter',
          name: s.ks,
          data: [[stats.kalaiSmorodinsky.utilities[0], stats.kalaiSmorodinsky.utilities[1]]],
          symbol: 'triangle',
          symbolSize: 14,
          itemStyle: { color: '#c0504d' },
        },
        { type: 'line', name: s.mine, data: game?.side === 0 ? offers(0) : offers(1), itemStyle: { color: '#1a7f37' } },
        {
          type: 'line',
          name: s.theirs,
          data: game?.side === 0 ? offers(1) : offers(0),
          itemStyle: { color: '#8250df' },
        },
        {
          type: 'scatter',
          name: s.deal,
          data: agreed,
          symbol: 'diamond',
          symbolSize: 18,
          itemStyle: { color: '#000' },
        },
      ],
    };
  }, [domain, stats, outcomes, game, s]);

  const state = game?.state;
  const open = state?.status === 'open';
  const theirOffer = state?.standing && state.standing.by === 1 ? state.standing.outcome : null;
  const profileName = (k: 0 | 1) =>
    `${s.profile} ${k === 0 ? 'A' : 'B'}${domain ? ` (${domain.profiles[k].name})` : ''}`;
  const mover = (m: Move) => (m.by === 0 ? s.you : s.them);

  return (
    <section className="card" aria-labelledby="play-h">
      <h2 id="play-h">{s.title}</h2>
      <p className="muted">{s.intro}</p>
      <div className="grid2">
        <div>
          <span>
            <label htmlFor={`${id}-files`}>{s.files}</label>{' '}
            <input
              id={`${id}-files`}
              type="file"
              multiple
              accept=".xml,.json,.yaml,.yml"
              onChange={(e) => void load(e)}
            />
          </span>{' '}
          <button type="button" onClick={example}>
            {s.example}
          </button>
          {problems.length > 0 && (
            <ul className="error" role="alert">
              {problems.map((p, k) => (
                <li key={`${k}:${p.message}`}>
                  <PlacedProblemText problem={p} />
                </li>
              ))}
            </ul>
          )}
          {domain && stats && (
            <p data-testid="play-domain">
              {s.loaded}: <strong translate="no">{domain.name}</strong>, {i.int(stats.outcomes)} {s.outcomes}; {s.nash}{' '}
              ({i.num(stats.nash.utilities[0])}, {i.num(stats.nash.utilities[1])})
            </p>
          )}
          {domain && (
            <fieldset>
              <legend>{s.start}</legend>
              <span>
                <label htmlFor={`${id}-agent`}>{s.agent}</label>{' '}
                <select id={`${id}-agent`} value={agentName} onChange={(e) => setAgentName(e.target.value)}>
                  {Object.keys(RESEARCH_STRATEGIES).map((n) => (
                    <option key={n} value={n}>
                      {strategyLabel(n, i.lang)}
                    </option>
                  ))}
                </select>
              </span>{' '}
              <span>
                <label htmlFor={`${id}-side`}>{s.side}</label>{' '}
                <select id={`${id}-side`} value={side} onChange={(e) => setSide(Number(e.target.value) as 0 | 1)}>
                  {/* the profiles by the names their files give them, not ours to translate */}
                  <option value={0} translate="no">
                    {profileName(0)}
                  </option>
                  <option value={1} translate="no">
                    {profileName(1)}
                  </option>
                </select>
              </span>{' '}
              <span>
                <label htmlFor={`${id}-deadline`}>{s.deadline}</label>{' '}
                <input
                  id={`${id}-deadline`}
                  type="number"
                  min={2}
                  max={1000}
                  value={deadline}
                  onChange={(e) => setDeadline(Math.max(2, Math.min(1000, Math.floor(Number(e.target.value)) || 2)))}
                />
              </span>{' '}
              <span>
                <label htmlFor={`${id}-seed`}>{s.seed}</label>{' '}
                <input
                  id={`${id}-seed`}
                  type="number"
                  min={0}
                  value={seed}
                  onChange={(e) => setSeed(Math.max(0, Math.floor(Number(e.target.value)) || 0))}
                />
              </span>{' '}
              <button type="button" onClick={start}>
                {game ? s.restart : s.start}
              </button>
            </fieldset>
          )}
          {game && state && domain && (
            <>
              <p aria-live="polite" data-testid="play-status">
                {open && (
                  <>
                    {s.yourTurn} {state.step + 1} {s.of} {game.config.deadline}. {s.standing}:{' '}
                    {theirOffer ? (
                      <>
                        {text(theirOffer)} ({s.uYou} {i.num(u(0, theirOffer))})
                      </>
                    ) : (
                      s.none
                    )}
                  </>
                )}
              </p>
              {open && (
                <fieldset>
                  <legend>{s.yourOffer}</legend>
                  {domain.domain.issues.map((issue, k) => (
                    <span key={issue.name}>
                      <label htmlFor={`${id}-issue${k}`} translate="no">
                        {issue.name}
                      </label>{' '}
                      <select
                        id={`${id}-issue${k}`}
                        value={draft[issue.name] ?? ''}
                        onChange={(e) => setDraft({ ...draft, [issue.name]: e.target.value })}
                      >
                        {issueValues(issue).map((v) => (
                          <option key={String(v)} value={String(v)} translate="no">
                            {String(v)}
                          </option>
                        ))}
                      </select>{' '}
                    </span>
                  ))}
                  <p data-testid="play-draft">
                    {s.uYou} {i.num(u(0, draftOutcome()))}, {s.uThem} {i.num(u(1, draftOutcome()))}
                  </p>
                  <button type="button" onClick={() => act({ type: 'offer', party: 0, outcome: draftOutcome() })}>
                    {s.offer}
                  </button>{' '}
                  <button
                    type="button"
                    disabled={theirOffer === null}
                    onClick={() => act({ type: 'accept', party: 0 })}
                  >
                    {s.accept}
                  </button>{' '}
                  <button type="button" onClick={() => act({ type: 'end', party: 0 })}>
                    {s.walk}
                  </button>
                </fieldset>
              )}
              {!open && (
                <p className="result" role="status" data-testid="play-result">
                  {state.agreement ? (
                    <>
                      {s.agreement}: <span translate="no">{text(state.agreement)}</span>; {s.uYou}{' '}
                      <strong>{i.num(u(0, state.agreement))}</strong>, {s.uThem} {i.num(u(1, state.agreement))}
                    </>
                  ) : (
                    <>
                      {s.noDeal} ({s.reason} {endReasonLabel(state.reason ?? 'deadline', i.lang)})
                    </>
                  )}
                </p>
              )}
              <table className="data" data-testid="play-moves">
                <caption>{s.history}</caption>
                <thead>
                  <tr>
                    <th scope="col">{s.step}</th>
                    <th scope="col">{s.who}</th>
                    <th scope="col">{s.move}</th>
                    <th scope="col">{s.uYou}</th>
                    <th scope="col">{s.uThem}</th>
                  </tr>
                </thead>
                <tbody>
                  {game.moves.map((m) => (
                    <tr key={m.step}>
                      <td>{m.step + 1}</td>
                      <td>{mover(m)}</td>
                      <td>
                        {m.action.type === 'offer' ? (
                          // the outcome in the domain file's own words
                          <>
                            {s.offered} <span translate="no">{text(m.action.outcome)}</span>
                          </>
                        ) : m.action.type === 'accept' ? (
                          s.accepted
                        ) : (
                          s.walked
                        )}
                      </td>
                      <td>{m.action.type === 'offer' ? i.num(u(0, m.action.outcome)) : ''}</td>
                      <td>{m.action.type === 'offer' ? i.num(u(1, m.action.outcome)) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
        {domain && (
          <div>
            <Chart title={s.plane} filename="play-utility-plane" option={option} height={380} />
            <p className="muted">
              <SourceNote text={s.source} />
            </p>
          </div>
        )}
      </div>
    </section>
  );
}
