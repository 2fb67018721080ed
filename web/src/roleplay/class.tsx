// A class for the facilitator: create many tables at once (some sides played by agents), hand out every table's links
import { scenarioName } from '../../../src/index.js';
// (copy, CSV, print), then watch and steer every table live on one screen, and show the class debrief.
import { useRef, useState } from 'react';
import { SignInToSave, useSignInNeeded } from '../account.js';
import { download, toCsv } from '../components/download.js';
import { useI18n } from '../i18n/lang.js';
import type { RolePlayView, Side } from '../../../src/index.js';
import type { ClassLinks, ClassView } from '../../../src/server/wire.js';
import { errorText, rp, rpAct, seatHref, seatLink } from './api.js';
import { ClassDebriefView, GradeBookButton, useDebrief, type ClassDebriefBody } from './debrief.js';
import {
  AGENTS,
  count,
  sessionText,
  fill,
  playerLabel,
  PLAYERS,
  strategyText,
  termsText,
  type Player,
  type Strings,
  tableLabel,
  reasonText,
} from './strings.js';

const SIDES = ['us', 'rok'] as const;
const MAX_TABLES = 60;
type Players = Record<Side, Player>;

/** The form that creates a class, then its handout. */
/** How many rounds an "extend" adds: a whole number from 1 to 24 (a table's or every table's). */
export function RoundsField(props: { label: string; rounds: number; onChange: (rounds: number) => void }) {
  return (
    <label>
      {props.label}{' '}
      <input
        type="number"
        min={1}
        max={24}
        value={props.rounds}
        style={{ width: '4rem' }}
        onChange={(e) => props.onChange(Math.max(1, Math.min(24, Math.round(Number(e.target.value)) || 1)))}
      />
    </label>
  );
}

export function ClassSetup({ s, scenarioId }: { s: Strings; scenarioId: string }) {
  const { lang } = useI18n();
  const signInNeeded = useSignInNeeded();
  const [label, setLabel] = useState('Class');
  const [rows, setRows] = useState<Players[]>(() => Array.from({ length: 4 }, () => ({ us: 'people', rok: 'people' })));
  const [created, setCreated] = useState<{ links: ClassLinks; rows: Players[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resize = (n: number) =>
    setRows((r) =>
      Array.from({ length: Math.max(1, Math.min(MAX_TABLES, n)) }, (_, i) => r[i] ?? { us: 'people', rok: 'people' }),
    );
  const create = async () => {
    setError(null);
    const tables = rows.map((r, i) => {
      const agents: Partial<Record<Side, unknown>> = {};
      for (const side of SIDES) {
        const p = r[side];
        if (p !== 'people') agents[side] = AGENTS[p];
      }
      return { label: `${s.table} ${i + 1}`, ...(Object.keys(agents).length > 0 ? { agents } : {}) };
    });
    try {
      const links = await rp<ClassLinks>('/classes', null, { scenarioId, label, tables });
      setCreated({ links, rows });
    } catch (e) {
      setError(errorText(e, lang, (path) => ({ 'body.label': s.classLabel, 'body.scenarioId': s.scenario })[path]));
    }
  };
  return (
    <>
      <section className="card no-print" aria-label={s.classTitle}>
        <h2>{s.classTitle}</h2>
        <div className="field">
          <label htmlFor="rp-class-label">{s.classLabel}</label>
          <input
            id="rp-class-label"
            type="text"
            value={label}
            maxLength={100}
            onChange={(e) => setLabel(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="rp-class-count">{s.tableCount}</label>
          <input
            id="rp-class-count"
            type="number"
            min={1}
            max={MAX_TABLES}
            value={rows.length}
            onChange={(e) => resize(Math.round(Number(e.target.value)) || 1)}
          />
        </div>
        <div className="table-wrap">
          <table data-testid="rp-class-setup">
            <thead>
              <tr>
                <th>{s.table}</th>
                <th>{s.side_us}</th>
                <th>{s.side_rok}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>
                    {s.table} {i + 1}
                  </td>
                  {SIDES.map((side) => (
                    <td key={side}>
                      <select
                        aria-label={`${s.table} ${i + 1} ${s[`side_${side}`]}`}
                        data-testid={`rp-class-player-${i}-${side}`}
                        value={r[side]}
                        onChange={(e) =>
                          setRows((all) =>
                            all.map((x, j) => (j === i ? { ...x, [side]: e.target.value as Player } : x)),
                          )
                        }
                      >
                        {PLAYERS.map((p) => (
                          <option key={p} value={p}>
                            {playerLabel(p, s)}
                          </option>
                        ))}
                      </select>
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button
          type="button"
          className="primary"
          disabled={!scenarioId || label.trim() === '' || signInNeeded}
          onClick={() => void create()}
        >
          {s.createClass}
        </button>
        <SignInToSave />
        {error && <p role="alert">{error}</p>}
      </section>
      {created && <ClassHandout links={created.links} rows={created.rows} label={label} s={s} />}
    </>
  );
}

/** Every table's links, to copy, download as CSV or print and hand out; the tokens are shown only this once. */
function ClassHandout(props: { links: ClassLinks; rows: readonly Players[]; label: string; s: Strings }) {
  const { links, rows, label, s } = props;
  const { lang } = useI18n();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (key: string, text: string) => {
    void navigator.clipboard?.writeText(text).then(() => setCopied(key));
  };
  const seatText = (i: number, side: Side): string => {
    const t = links.tables[i]?.tokens[side];
    const p = rows[i]?.[side] ?? 'people';
    return t ? seatLink(t) : fill(s.agentSeat, { kind: p === 'people' ? '' : strategyText(AGENTS[p]) });
  };
  const csvRows: string[][] = [[s.table, s.csvSide, s.csvLink]];
  csvRows.push([label, s.facilitator, seatLink(links.facilitatorToken)]);
  links.tables.forEach((t, i) => {
    for (const side of SIDES) csvRows.push([t.label, s[`link_${side}`], seatText(i, side)]);
  });
  const stem = label.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'class';
  return (
    <section className="card handout" aria-label={s.classLinks} data-testid="rp-class-handout">
      <h2>
        {s.classLinks} — {label}
      </h2>
      <p role="note" className="warning" data-testid="rp-links-once">
        <strong>{s.linksOnce}</strong>
      </p>
      <div className="toolbar no-print">
        <button
          type="button"
          onClick={() =>
            copy(
              'all',
              csvRows
                .slice(1)
                .map((r) => r.join('\t'))
                .join('\n'),
            )
          }
        >
          {copied === 'all' ? s.copied : s.copyAll}
        </button>
        <button type="button" onClick={() => download(`roleplay-${stem}-links.csv`, new Blob([toCsv(csvRows)]))}>
          {s.downloadLinks}
        </button>
        <button type="button" onClick={() => window.print()}>
          {s.printHandout}
        </button>
      </div>
      <p className="no-print">
        <strong>{s.classFacilitator}</strong>{' '}
        <a href={seatHref(links.facilitatorToken)} data-testid="class-link-facilitator">
          {s.openBoard}
        </a>{' '}
        <button type="button" onClick={() => copy('facilitator', seatLink(links.facilitatorToken))}>
          {copied === 'facilitator' ? s.copied : s.copy}
        </button>
      </p>
      <table className="handout-links">
        <thead>
          <tr>
            <th>{s.table}</th>
            <th>{s.link_us}</th>
            <th>{s.link_rok}</th>
          </tr>
        </thead>
        <tbody>
          {links.tables.map((t, i) => (
            <tr key={t.sessionId} className="handout-row">
              <td>{tableLabel(t.label, lang)}</td>
              {SIDES.map((side) => {
                const token = t.tokens[side];
                return (
                  <td key={side} style={{ wordBreak: 'break-all' }}>
                    {token ? (
                      <>
                        <a href={seatHref(token)} data-testid={`class-link-${i}-${side}`}>
                          {seatLink(token)}
                        </a>{' '}
                        <button
                          type="button"
                          className="no-print"
                          onClick={() => copy(`${i}-${side}`, seatLink(token))}
                        >
                          {copied === `${i}-${side}` ? s.copied : s.copy}
                        </button>
                      </>
                    ) : (
                      <span className="muted">{seatText(i, side)}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const lastMoveOf = (v: RolePlayView) => v.moves[v.moves.length - 1] ?? null;

/** The facilitator's screen for a whole class: every table live, per-table and all-table controls, the debrief. */
export function ClassBoard({ view, token, s }: { view: ClassView; token: string; s: Strings }) {
  const { lang } = useI18n();
  const [rounds, setRounds] = useState(2);
  const [notice, setNotice] = useState<string | null>(null);
  const [showDebrief, setShowDebrief] = useState(false);
  const act = async (sessionId: string, action: Record<string, unknown>) => {
    try {
      await rpAct(token, { action, sessionId });
      return null;
    } catch (e) {
      return `${sessionId.slice(0, 8)}: ${errorText(e, lang)}`;
    }
  };
  const actAll = async (action: Record<string, unknown>, applies: (t: RolePlayView) => boolean) => {
    setNotice(null);
    const failures: string[] = [];
    for (const t of view.tables.filter(applies)) {
      const f = await act(t.table.id, action);
      if (f) failures.push(f);
    }
    if (failures.length > 0) setNotice(failures.join('; '));
  };
  const actOne = async (sessionId: string, action: Record<string, unknown>) => {
    setNotice(null);
    const f = await act(sessionId, action);
    if (f) setNotice(f);
  };
  const refreshKey = view.tables.reduce((n, t) => n + t.seq, 0);
  const first = view.tables[0];
  const sideCell = (t: RolePlayView, side: Side) => {
    const agent = t.private[side]?.agent;
    return agent ? fill(s.agentSeat, { kind: strategyText(agent) }) : s.people;
  };
  const resultOf = (t: RolePlayView): string => {
    const lastVote = t.votes[t.votes.length - 1];
    const vote = lastVote
      ? `${fill(s.votesShort, { yes: lastVote.vote.yes ?? '—', no: lastVote.vote.no ?? '—' })} (${lastVote.vote.ratified ? s.ratified : lastVote.vote.held === false ? s.notHeld : s.rejected})${(lastVote.vote.postponements ?? 0) > 0 ? ` (${fill(s.postponedTimes, { n: lastVote.vote.postponements ?? 0 })})` : ''}`
      : '';
    if (t.agreement) return `${s.deal}: ${termsText(t.scenario.issues, t.agreement, lang)}${vote ? ` · ${vote}` : ''}`;
    if (t.pending) return `${s.awaitingVote}: ${termsText(t.scenario.issues, t.pending, lang)}`;
    if (t.phase === 'ended')
      return `${reasonText(s, t.endedBy === 'facilitator' ? 'ended-by-facilitator' : (t.reason ?? 'deadline'), lang)}${vote ? ` · ${vote}` : ''}`;
    return vote;
  };
  return (
    <>
      <div className="card" data-testid="rp-class-header">
        <p>
          <strong>{first ? scenarioName(first.scenario, lang) : ''}</strong> · {view.label} · {s.you}:{' '}
          <strong>{s.facilitator}</strong> · {s.tables}: {view.tables.length}
        </p>
        <div className="toolbar" role="group" aria-label={s.allTables}>
          <strong style={{ marginRight: 'auto' }}>{s.allTables}</strong>
          <button type="button" onClick={() => void actAll({ type: 'pause' }, (t) => t.phase === 'running')}>
            {s.pauseAll}
          </button>
          <button type="button" onClick={() => void actAll({ type: 'resume' }, (t) => t.phase === 'paused')}>
            {s.resumeAll}
          </button>
          <RoundsField label={s.rounds} rounds={rounds} onChange={setRounds} />
          <button
            type="button"
            onClick={() => void actAll({ type: 'extend', rounds }, (t) => t.phase !== 'ended' && t.status === 'open')}
          >
            {s.extendAll}
          </button>
          <button
            type="button"
            data-testid="rp-news-all"
            disabled={!view.tables.some((t) => t.phase !== 'ended')}
            onClick={() => void actAll({ type: 'news', news: 'assembly-election' }, (t) => t.phase !== 'ended')}
          >
            {s.newsAll}
          </button>
          <ConfirmButton
            label={s.endAll}
            title={s.endAllTitle}
            text={s.endAllText}
            confirm={s.endAllConfirm}
            cancel={s.cancel}
            onConfirm={() => void actAll({ type: 'end' }, (t) => t.phase !== 'ended')}
          />
          <a className="button-link" href={seatHref(token, { print: '1' })}>
            {s.printable}
          </a>
          <a className="button-link" href={seatHref(token, { packet: '1' })} data-testid="rp-packet-link">
            {s.packetLink}
          </a>
        </div>
        {notice && (
          <p role="alert" data-testid="rp-class-notice">
            {notice}
          </p>
        )}
      </div>
      <section className="card">
        <h2>{s.board}</h2>
        <div className="table-wrap">
          <table data-testid="rp-class-board">
            <thead>
              <tr>
                <th>{s.table}</th>
                <th>{s.players}</th>
                <th>{s.status}</th>
                <th>{s.roundCol}</th>
                <th>{s.lastMove}</th>
                <th>{s.clock}</th>
                <th>{s.result}</th>
                <th>{s.actions}</th>
              </tr>
            </thead>
            <tbody>
              {view.tables.map((t, i) => {
                const m = lastMoveOf(t);
                const l = t.clock.lapse;
                const ended = t.phase === 'ended';
                return (
                  <tr key={t.table.id} data-testid={`board-row-${i}`} data-phase={t.phase} data-status={t.status}>
                    <td>
                      <a href={seatHref(token, { table: t.table.id })}>{tableLabel(t.table.label, lang)}</a>
                    </td>
                    <td>
                      US: {sideCell(t, 'us')}
                      <br />
                      ROK: {sideCell(t, 'rok')}
                    </td>
                    <td className="board-status">
                      {s[`phase_${t.phase}`]} · {s[`status_${t.status}`]}
                      {t.toMove && t.phase === 'running' ? ` · ${fill(s.toMove, { side: s[`side_${t.toMove}`] })}` : ''}
                    </td>
                    <td className="board-round">
                      {t.clock.round + 1}/{t.clock.lastRound + 1} · {sessionText(t.clock, lang)}
                    </td>
                    <td className="board-last">
                      {m
                        ? `${s[`side_${m.side}`]}${m.byAgent ? ` (${s.byAgent})` : ''}: ${s[`kind_${m.kind}`]}${m.outcome ? ` ${termsText(t.scenario.issues, m.outcome, lang)}` : ''}${m.message ? ` — “${m.message}”` : ''}`
                        : '—'}
                    </td>
                    <td className="board-clock">
                      {l.inLapse
                        ? fill(s.inLapseShort, { m: l.monthsInLapse, w: count(l.furloughedWorkers) })
                        : s.noLapseShort}
                    </td>
                    <td className="board-result">{resultOf(t)}</td>
                    <td>
                      <div className="toolbar" style={{ justifyContent: 'flex-start' }}>
                        {t.phase === 'paused' ? (
                          <button type="button" onClick={() => void actOne(t.table.id, { type: 'resume' })}>
                            {s.resume}
                          </button>
                        ) : (
                          <button
                            type="button"
                            disabled={ended}
                            onClick={() => void actOne(t.table.id, { type: 'pause' })}
                          >
                            {s.pause}
                          </button>
                        )}
                        <button
                          type="button"
                          disabled={ended || t.status !== 'open'}
                          onClick={() => void actOne(t.table.id, { type: 'extend', rounds })}
                        >
                          {fill(s.plusRounds, { n: rounds })}
                        </button>
                        <button type="button" disabled={ended} onClick={() => void actOne(t.table.id, { type: 'end' })}>
                          {s.end}
                        </button>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {showDebrief ? (
        <ClassDebriefSection token={token} refreshKey={refreshKey} s={s} view={view} />
      ) : (
        <button type="button" className="primary" onClick={() => setShowDebrief(true)}>
          {s.showClassDebrief}
        </button>
      )}
    </>
  );
}

/**
 * A button that asks first, in a modal dialog (the browser's <dialog>: focus moves into it, Tab stays inside, Escape
 * cancels); the cancel button has the focus, so Enter never confirms by accident.
 */
function ConfirmButton(props: {
  label: string;
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  // The dialog element is the state: opened and closed on it directly. A React `open` flag synced by the dialog's
  // close event lost a press: Escape closes the dialog at once but queues that event, so a press of the button before
  // it ran set `open` to the true it still was, nothing re-rendered, and the dialog stayed shut.
  const show = () => {
    const d = dialog.current;
    if (d && !d.open) {
      d.showModal();
      cancelRef.current?.focus();
    }
  };
  const close = () => dialog.current?.close();
  return (
    <>
      <button type="button" className="danger" data-testid="rp-end-all" onClick={show}>
        {props.label}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="rp-confirm-title"
        aria-describedby="rp-confirm-text"
        data-testid="rp-confirm"
      >
        <h2 id="rp-confirm-title">{props.title}</h2>
        <p id="rp-confirm-text">{props.text}</p>
        <div className="toolbar">
          <button type="button" ref={cancelRef} onClick={close}>
            {props.cancel}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              close();
              props.onConfirm();
            }}
          >
            {props.confirm}
          </button>
        </div>
      </dialog>
    </>
  );
}

function ClassDebriefSection(props: { token: string; refreshKey: number; s: Strings; view: ClassView }) {
  const { token, refreshKey, s, view } = props;
  const { debrief, error } = useDebrief<ClassDebriefBody>(token, null, refreshKey);
  if (error) return <p role="alert">{error}</p>;
  if (!debrief) return <p className="muted">…</p>;
  const stem = `roleplay-${view.label.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'class'}`;
  return (
    <>
      <div className="toolbar no-print">
        <GradeBookButton token={token} s={s} stem={stem} />
      </div>
      <ClassDebriefView
        debrief={debrief}
        s={s}
        issues={view.tables[0]?.scenario.issues ?? []}
        tableHref={(id) => seatHref(token, { table: id })}
      />
    </>
  );
}
