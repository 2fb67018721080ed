import { useCallback, useEffect, useState } from 'react';
import type { TableLinks } from '../../../src/server/wire.js';
import { SignInToSave, useSignInNeeded } from '../account.js';
import { useI18n, usePageStrings } from '../i18n/lang.js';
import { useRoute } from '../router.js';
import { scenarioName, tableVote } from '../../../src/index.js';
import {
  type MoveView,
  type RolePlayView,
  type Side,
  type TableDebrief,
  issueName,
  valueText,
  type Issue,
  type Outcome,
} from '../../../src/index.js';
import { errorText, rp, rpAct, rpEvents, seatHref, type RpError } from '../roleplay/api.js';
import { BacktablePanel, NewsButton, NewsList } from '../roleplay/backtable.js';
import { fieldBounds, fieldScale, fromField, toField } from '../roleplay/issue-field.js';
import { ClassBoard, ClassSetup, RoundsField } from '../roleplay/class.js';
import {
  isClassView,
  PrintableDebrief,
  TableDebriefView,
  useDebrief,
  Sittings,
  voteText,
  type AnyView,
} from '../roleplay/debrief.js';
import { download, toCsv } from '../components/download.js';
import { PacketPage } from '../roleplay/packet.js';
import {
  AGENTS,
  count,
  dateText,
  sessionText,
  fill,
  playerLabel,
  PLAYERS,
  S,
  score,
  termsText,
  type Player,
  type Strings,
  tableLabel,
  reasonText,
} from '../roleplay/strings.js';

export default function RolePlayPage() {
  const s = usePageStrings(S);
  const { params } = useRoute();
  const token = params.get('token');
  return (
    <>
      <h1 className="no-print">{s.title}</h1>
      {token ? (
        <Seat
          key={token}
          token={token}
          s={s}
          tableId={params.get('table')}
          print={params.get('print') === '1'}
          packet={params.get('packet') === '1'}
        />
      ) : (
        <Setup s={s} />
      )}
    </>
  );
}

function Setup({ s }: { s: Strings }) {
  const { lang } = useI18n();
  const signInNeeded = useSignInNeeded();
  const [scenarios, setScenarios] = useState<
    readonly { id: string; name: string; name_ko?: string; description?: string }[]
  >([]);
  const [scenarioId, setScenarioId] = useState('');
  const [players, setPlayers] = useState<Record<Side, Player>>({ us: 'people', rok: 'people' });
  const [seed, setSeed] = useState('');
  const [created, setCreated] = useState<TableLinks | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    rp<typeof scenarios>('/scenarios', null)
      .then((list) => {
        setScenarios(list);
        setScenarioId((id) => id || (list[0]?.id ?? ''));
      })
      .catch((e: unknown) => setError(errorText(e, lang)));
  }, []);
  const create = async () => {
    setError(null);
    const agents: Partial<Record<Side, unknown>> = {};
    for (const side of ['us', 'rok'] as const) {
      const p = players[side];
      if (p !== 'people') agents[side] = AGENTS[p];
    }
    try {
      setCreated(
        await rp<TableLinks>('/sessions', null, {
          scenarioId,
          ...(Object.keys(agents).length > 0 ? { agents } : {}),
          // The server checks the range and names the field when it is wrong.
          ...(seed.trim() !== '' ? { seed: Number(seed) } : {}),
        }),
      );
    } catch (e) {
      setError(errorText(e, lang, (path) => ({ 'body.seed': s.seed, 'body.scenarioId': s.scenario })[path]));
    }
  };
  const linkFor = (t: string) => `${window.location.origin}${window.location.pathname}${seatHref(t)}`;
  return (
    <>
      <p className="muted no-print">{s.intro}</p>
      <div className="card no-print">
        <div className="field">
          <label htmlFor="rp-scenario">{s.scenario}</label>
          <select id="rp-scenario" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
            {scenarios.map((sc) => (
              <option key={sc.id} value={sc.id}>
                {scenarioName(sc, lang)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <section className="card no-print" aria-label={s.oneTable}>
        <h2>{s.oneTable}</h2>
        {(['us', 'rok'] as const).map((side) => (
          <div className="field" key={side}>
            <label htmlFor={`rp-player-${side}`}>{s[`side_${side}`]}</label>
            <select
              id={`rp-player-${side}`}
              value={players[side]}
              onChange={(e) => setPlayers((p) => ({ ...p, [side]: e.target.value as Player }))}
            >
              {PLAYERS.map((p) => (
                <option key={p} value={p}>
                  {playerLabel(p, s)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="rp-seed">{s.seed}</label>
          <input
            id="rp-seed"
            inputMode="numeric"
            value={seed}
            onChange={(e) => setSeed(e.target.value)}
            aria-describedby="rp-seed-hint"
          />
          <small id="rp-seed-hint" className="muted">
            {s.seedHint}
          </small>
        </div>
        <button type="button" className="primary" disabled={!scenarioId || signInNeeded} onClick={() => void create()}>
          {s.create}
        </button>
        <SignInToSave />
        {error && <p role="alert">{error}</p>}
      </section>
      {created && (
        <section className="card no-print" aria-label={s.links}>
          <h2>{s.links}</h2>
          <p role="note" className="warning" data-testid="rp-links-once">
            <strong>{s.linksOnce}</strong>
          </p>
          <button
            type="button"
            onClick={() =>
              download(
                `roleplay-table-links.csv`,
                new Blob([
                  toCsv([
                    [s.csvSide, s.csvLink],
                    ...(['facilitator', 'us', 'rok'] as const).flatMap((seat) => {
                      const t = created.tokens[seat];
                      return t ? [[s[`link_${seat}`], linkFor(t)]] : [];
                    }),
                  ]),
                ]),
              )
            }
          >
            {s.downloadLinks}
          </button>
          <ul>
            {(['facilitator', 'us', 'rok'] as const).map((seat) => {
              const t = created.tokens[seat];
              if (!t) return null;
              const link = linkFor(t);
              return (
                <li key={seat}>
                  <strong>{s[`link_${seat}`]}</strong>{' '}
                  <a href={seatHref(t)} data-testid={`link-${seat}`} style={{ wordBreak: 'break-all' }}>
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
      <ClassSetup s={s} scenarioId={scenarioId} />
    </>
  );
}

/** Sums the tables' seqs: a class view has no seq of its own, and this only grows. */
const versionOf = (v: AnyView): number => (isClassView(v) ? v.tables.reduce((n, t) => n + t.seq, 0) : v.seq);

function Seat(props: { token: string; s: Strings; tableId: string | null; print: boolean; packet: boolean }) {
  const { token, s, tableId, print, packet } = props;
  const { lang } = useI18n();
  const [view, setView] = useState<AnyView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      const next = await rp<AnyView>('/me', token);
      // A fetch can cross an event in flight: keep the newest state.
      setView((v) => (v === null || versionOf(next) >= versionOf(v) ? next : v));
    } catch (e) {
      setError((e as RpError).status === 401 ? s.badToken : errorText(e, lang));
    }
  }, [token, s.badToken]);
  useEffect(() => {
    void reload();
    // A printed page is a snapshot: it needs no live channel.
    if (print || packet) return;
    return rpEvents(token, (data) => {
      const next = JSON.parse(data) as AnyView;
      setView((v) => (v === null || versionOf(next) >= versionOf(v) ? next : v));
    });
  }, [token, reload, print, packet]);
  if (error) return <p role="alert">{error}</p>;
  if (!view) return <p className="muted">…</p>;
  if (packet) return <PacketPage token={token} s={s} />;
  if (print) return <PrintableDebrief token={token} tableId={tableId} view={view} s={s} />;
  if (isClassView(view)) {
    const table = tableId === null ? undefined : view.tables.find((t) => t.table.id === tableId);
    return table ? (
      <ClassTablePage token={token} table={table} s={s} />
    ) : (
      <ClassBoard view={view} token={token} s={s} />
    );
  }
  return view.role === 'facilitator' ? (
    <Facilitator view={view} token={token} s={s} />
  ) : (
    <SideSeat view={view} side={view.role} token={token} s={s} reload={reload} />
  );
}

/** One table of a class, for its facilitator: its header, offers, notes and debrief, with a link back to the class. */
function ClassTablePage({ token, table, s }: { token: string; table: RolePlayView; s: Strings }) {
  const { debrief } = useDebrief<TableDebrief>(token, table.table.id, table.seq);
  return (
    <>
      <div className="toolbar no-print">
        <a className="button-link" href={seatHref(token)}>
          {s.backToBoard}
        </a>
        <a className="button-link" href={seatHref(token, { table: table.table.id, print: '1' })}>
          {s.printable}
        </a>
      </div>
      <Header view={table} s={s} />
      <section className="card">
        <h2>{s.history}</h2>
        <History view={table} s={s} sides={['us', 'rok']} />
      </section>
      {debrief && <TableDebriefView debrief={debrief} s={s} issues={table.scenario.issues} />}
      <SideNotes view={table} s={s} />
    </>
  );
}

function Header({ view, s }: { view: RolePlayView; s: Strings }) {
  const { lang } = useI18n();
  const l = view.clock.lapse;
  const sideName = (side: Side) => s[`side_${side}`];
  return (
    <div className="card" data-testid="rp-header">
      <p>
        <strong>{scenarioName(view.scenario, lang)}</strong> · {tableLabel(view.table.label, lang)} · {s.you}:{' '}
        <strong>{view.role === 'facilitator' ? s.facilitator : sideName(view.role)}</strong>
      </p>
      <p data-testid="rp-clock">
        {fill(s.round, {
          r: view.clock.round + 1,
          n: view.clock.lastRound + 1,
          date: sessionText(view.clock, lang),
        })}{' '}
        ·{' '}
        {l.inLapse
          ? fill(s.lapse, {
              m: l.monthsInLapse,
              w: count(l.furloughedWorkers),
              wm: count(l.furloughedWorkerMonths),
            })
          : s.noLapse}
      </p>
      <p data-testid="rp-status">
        {s.phase}: {s[`phase_${view.phase}`]} · {s.status}: {s[`status_${view.status}`]}
        {view.reason ? ` (${reasonText(s, view.reason, lang)})` : ''}
        {view.toMove ? ` · ${fill(s.toMove, { side: sideName(view.toMove) })}` : ''}
      </p>
      {view.agreement && (
        <p>
          <strong>{s.agreement}:</strong> {termsText(view.scenario.issues, view.agreement, lang)}
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
  const { lang } = useI18n();
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
            <th key={side} className="num">
              {sides.length === 1 ? s.myScore : fill(s.score, { side: s[`short_${side}`] })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {view.moves.map((m: MoveView) => (
          <tr key={m.seq}>
            <td>{dateText(m.date, lang)}</td>
            <td>
              {s[`side_${m.side}`]}
              {m.byAgent ? ` (${s.byAgent})` : ''}
            </td>
            <td>{s[`kind_${m.kind}`]}</td>
            <td>{termsText(view.scenario.issues, m.outcome, lang)}</td>
            <td>
              {m.message}
              {m.reason ? (
                <div className="muted" data-testid="rp-move-reason">
                  {s.agentWhy}: {m.reason[lang]}
                </div>
              ) : null}
            </td>
            {sides.map((side) => (
              <td key={side} className="num">
                {score(m.scores[side])}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A side's private notes (only that side and the facilitator ever receive them); the facilitator sees both sides'. */
function SideNotes({ view, s }: { view: RolePlayView; s: Strings }) {
  const sides = (['us', 'rok'] as const).filter((side) => view.private[side] !== undefined);
  return (
    <>
      {sides.map((side) => {
        const notes = view.private[side]?.notes ?? [];
        return (
          <section className="card" key={side} data-testid={`rp-notes-${side}`}>
            <h2>{view.role === 'facilitator' ? fill(s.notesOf, { side: s[`side_${side}`] }) : s.notes}</h2>
            {notes.length === 0 ? (
              <p className="muted">{s.noNotes}</p>
            ) : (
              <ul>
                {notes.map((n) => (
                  <li key={n.seq} style={{ whiteSpace: 'pre-wrap' }}>
                    {n.text}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}

const initialDraft = (view: RolePlayView): Record<string, number | string> => {
  const draft: Record<string, number | string> = {};
  for (const issue of view.scenario.issues) {
    const standing = view.standing?.outcome?.[issue.name];
    draft[issue.name] = standing ?? (issue.kind === 'numeric' ? issue.min : (issue.options[0] ?? ''));
  }
  return draft;
};

/** A numeric issue's field in the unit its label shows (percent for a rate); a number outside the range is refused beside the field. */
function IssueNumber({ issue, value, onChange }: { issue: Issue; value: number; onChange: (v: number) => void }) {
  const { t } = useI18n();
  const bounds = fieldBounds(issue);
  const [text, setText] = useState(String(toField(issue, value)));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    setText((cur) =>
      fromField(issue, Number(cur)) === value && cur.trim() !== '' ? cur : String(toField(issue, value)),
    );
  }, [issue, value]);
  if (!bounds) return null;
  const id = `rp-issue-${issue.name}`;
  return (
    <div className="row">
      <input
        id={id}
        type="number"
        inputMode="decimal"
        min={bounds.min}
        max={bounds.max}
        step={bounds.step}
        value={text}
        aria-invalid={bad ? true : undefined}
        aria-describedby={bad ? `${id}-msg` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const v = e.target.value.trim() === '' ? null : fromField(issue, Number(e.target.value));
          setBad(v === null);
          if (v !== null) onChange(v);
        }}
      />
      {fieldScale(issue) === 100 && <span aria-hidden="true">%</span>}
      {bad && (
        <span id={`${id}-msg`} className="error" role="alert">
          {t('validation.range').replace('{min}', String(bounds.min)).replace('{max}', String(bounds.max))}
        </span>
      )}
    </div>
  );
}

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
      await rpAct(token, { action, expectedSeq: view.seq });
      setMessage('');
      await reload();
    } catch (e) {
      const err = e as RpError;
      if (err.status === 409) {
        await reload();
        setNotice(
          err.code === 'roleplay/conflict' || err.code === 'negotiation/out_of_turn' ? s.conflict : errorText(e, lang),
        );
      } else setNotice(errorText(e, lang));
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
      <div className="toolbar no-print">
        <a className="button-link" href={seatHref(token, { packet: '1' })} data-testid="rp-packet-link">
          {s.packetLink}
        </a>
      </div>
      <SeatResult view={view} side={side} s={s} />
      <BriefBox title={s.common} brief={view.brief[lang]} />
      {mine && (
        <>
          <BriefBox title={s.confidential} brief={mine.brief[lang]} />
          <p>
            {s.reservation}: <strong data-testid="rp-reservation">{score(mine.reservation)}</strong>
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
              {issueName(issue.name, lang)}
              {issue.kind === 'numeric'
                ? ` (${valueText(issue, issue.min, lang)} – ${valueText(issue, issue.max, lang)})`
                : ''}
            </label>
            {issue.kind === 'numeric' ? (
              <IssueNumber
                issue={issue}
                value={Number(draft[issue.name] ?? issue.min)}
                onChange={(v) => setDraft((d) => ({ ...d, [issue.name]: v }))}
              />
            ) : (
              <select
                id={`rp-issue-${issue.name}`}
                value={String(draft[issue.name] ?? '')}
                onChange={(e) => setDraft((d) => ({ ...d, [issue.name]: e.target.value }))}
              >
                {issue.options.map((o) => (
                  <option key={o} value={o}>
                    {valueText(issue, o, lang)}
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
          {s.draftScore}: <strong data-testid="rp-draft-score">{score(draftScore)}</strong>
          {mine ? ` (${s.reservation}: ${score(mine.reservation)})` : ''}
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
      <NewsList news={view.news} lang={lang} />
      <BacktablePanel token={token} side={side} outcome={draft} lang={lang} />
      <NotesForm view={view} token={token} s={s} reload={reload} />
    </>
  );
}

/**
 * What the seat's own deal came to: the Assembly's votes as cast, and the seat's score of the deal against its score
 * without one (the seat's own figures only; the other side's stay in the facilitator's debrief).
 */
function SeatResult({ view, side, s }: { view: RolePlayView; side: Side; s: Strings }) {
  const { lang } = useI18n();
  const mine = view.private[side];
  const accepted = [...view.moves].reverse().find((m) => m.kind === 'accept');
  const dealScore = view.agreement ? (accepted?.scores[side] ?? null) : null;
  const reservation = mine?.reservation ?? null;
  let line = s.seatNoResult;
  if (view.pending) line = s.seatPending;
  else if (dealScore !== null && reservation !== null)
    line = fill(s.seatDeal, {
      score: score(dealScore),
      reservation: score(reservation),
      gain: `${dealScore >= reservation ? '+' : '−'}${score(Math.abs(dealScore - reservation))}`,
    });
  else if (view.phase === 'ended' && reservation !== null)
    line = fill(s.seatNoDeal, { reservation: score(reservation) });
  return (
    <section className="card" data-testid="rp-seat-result" aria-label={s.seatResult}>
      <h2>{s.seatResult}</h2>
      {view.votes.length > 0 && (
        <ul data-testid="rp-seat-votes">
          {view.votes.map((v) => (
            <li key={v.seq}>
              {voteText(tableVote(v), s, lang)} ({termsText(view.scenario.issues, v.outcome, lang)})
              <Sittings vote={tableVote(v)} s={s} lang={lang} />
            </li>
          ))}
        </ul>
      )}
      <p data-testid="rp-seat-deal">{line}</p>
    </section>
  );
}

/** A side writes a private note; it is appended to the table's log, so it survives a reload (and a server restart). */
function NotesForm(props: { view: RolePlayView; token: string; s: Strings; reload: () => Promise<void> }) {
  const { view, token, s, reload } = props;
  const [text, setText] = useState('');
  const { lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setNotice(null);
    try {
      // No expectedSeq: a note never conflicts with a move, whoever moved in between.
      await rpAct(token, { action: { type: 'note', text } });
      setText('');
      await reload();
    } catch (e) {
      setNotice(errorText(e, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <SideNotes view={view} s={s} />
      <section className="card no-print" aria-label={s.noteText}>
        <p className="muted">{s.notesHint}</p>
        <div className="field">
          <label htmlFor="rp-note">{s.noteText}</label>
          <textarea id="rp-note" rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button
          type="button"
          disabled={busy || text.trim() === '' || view.phase === 'ended'}
          onClick={() => void save()}
        >
          {s.saveNote}
        </button>
        {notice && <p role="alert">{notice}</p>}
      </section>
    </>
  );
}

function Facilitator({ view, token, s }: { view: RolePlayView; token: string; s: Strings }) {
  const { lang } = useI18n();
  const [rounds, setRounds] = useState(2);
  const [notice, setNotice] = useState<string | null>(null);
  const act = async (action: Record<string, unknown>) => {
    setNotice(null);
    try {
      await rpAct(token, { action });
    } catch (e) {
      setNotice(errorText(e, lang));
    }
  };
  const ended = view.phase === 'ended';
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
        <RoundsField label={s.rounds} rounds={rounds} onChange={setRounds} />
        <button type="button" disabled={ended} onClick={() => void act({ type: 'extend', rounds })}>
          {s.extend}
        </button>
        <NewsButton
          disabled={ended}
          lang={lang}
          onRelease={() => void act({ type: 'news', news: 'assembly-election' })}
        />
        <button type="button" className="primary" disabled={ended} onClick={() => void act({ type: 'end' })}>
          {s.end}
        </button>
        {ended && (
          <a className="button-link" href={seatHref(token, { print: '1' })}>
            {s.printable}
          </a>
        )}
        <a className="button-link" href={seatHref(token, { packet: '1' })} data-testid="rp-packet-link">
          {s.packetLink}
        </a>
      </div>
      {notice && <p role="alert">{notice}</p>}
      <NewsList news={view.news} lang={lang} />
      <section className="card">
        <h2>{s.history}</h2>
        <History view={view} s={s} sides={['us', 'rok']} />
      </section>
      {ended && <FacilitatorDebrief token={token} view={view} s={s} />}
      <BriefBox title={s.common} brief={view.brief[lang]} />
      <div className="grid2">
        {(['us', 'rok'] as const).map((side) => {
          const p = view.private[side];
          return p ? (
            <div key={side}>
              <BriefBox title={`${s.confidential} — ${s[`side_${side}`]}`} brief={p.brief[lang]} />
              <p>
                {s.reservation}: {score(p.reservation)}
              </p>
            </div>
          ) : null;
        })}
      </div>
      <SideNotes view={view} s={s} />
    </>
  );
}

function FacilitatorDebrief({ token, view, s }: { token: string; view: RolePlayView; s: Strings }) {
  const { debrief, error } = useDebrief<TableDebrief>(token, null, view.seq);
  if (error) return <p role="alert">{error}</p>;
  return debrief ? <TableDebriefView debrief={debrief} s={s} issues={view.scenario.issues} /> : null;
}
