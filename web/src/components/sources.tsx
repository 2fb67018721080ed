import type { FactStatus, Source } from '../types.js';
import { useI18n } from '../i18n/lang.js';
import { sourceTypeLabel, statusLabel } from '../../../src/i18n/labels.js';

const flagged = new Set(['derived', 'conflicting', 'unverified', 'weak-secondary', 'not-yet-determined']);

/** A visible mark for facts that are not plainly verified (derived, conflicting, projected …). */
export function StatusBadge({ status }: { status: FactStatus }) {
  const { lang } = useI18n();
  if (!flagged.has(status) && status !== 'projected') return null;
  const cls = status === 'weak-secondary' ? 'unverified' : status === 'not-yet-determined' ? 'projected' : status;
  return <span className={`badge ${cls}`}>{statusLabel(status, lang)}</span>;
}

/** The sources of one fact as a one-click disclosure. */
export function SourceList({
  sources,
  note,
  inline,
}: {
  sources: readonly Source[];
  note?: string | null;
  inline?: boolean;
}) {
  const { t, lang } = useI18n();
  if (sources.length === 0 && !note) return <span className="muted">—</span>;
  const list = (
    <ul>
      {sources.map((s) => (
        <li key={s.url}>
          {/* A source's title is a citation, quoted as published (in its own language), never translated. */}
          <a href={s.url} target="_blank" rel="noreferrer">
            <cite>{s.title}</cite>
          </a>{' '}
          <span className="muted">({sourceTypeLabel(s.type, lang)})</span>
        </li>
      ))}
    </ul>
  );
  if (inline) return list;
  return (
    <details>
      <summary>
        {t('source')} ({sources.length})
      </summary>
      {note && <p className="muted">{note}</p>}
      {list}
    </details>
  );
}

/** A sentence of the app's with source titles quoted in it: each title shown as a citation, the rest as text. */
export function CitedText({ text, citations }: { text: string; citations: readonly string[] }) {
  const titles = [...new Set(citations)].filter((c) => c !== '').sort((a, b) => b.length - a.length);
  if (titles.length === 0) return <>{text}</>;
  const escaped = titles.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`));
  return <>{parts.map((p, k) => (titles.includes(p) ? <cite key={k}>{p}</cite> : p))}</>;
}
