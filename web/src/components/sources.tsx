import type { FactStatus, Source } from '../types.js';
import { useI18n } from '../i18n/lang.js';
import { sourceTypeLabel } from '../../../src/i18n/labels.js';

const flagged = new Set(['derived', 'conflicting', 'unverified', 'weak-secondary', 'not-yet-determined']);

/** A visible mark for facts that are not plainly verified (derived, conflicting, projected …). */
export function StatusBadge({ status }: { status: FactStatus }) {
  const { t, lang } = useI18n();
  if (!flagged.has(status) && status !== 'projected') return null;
  const ko: Record<string, string> = {
    derived: t('derived'),
    conflicting: t('conflicting'),
    unverified: t('unverified'),
    projected: t('projected'),
    'weak-secondary': lang === 'ko' ? '약한 2차 출처' : 'weak secondary',
    'not-yet-determined': lang === 'ko' ? '미정' : 'not yet determined',
  };
  const label = ko[status] ?? status;
  const cls = status === 'weak-secondary' ? 'unverified' : status === 'not-yet-determined' ? 'projected' : status;
  return <span className={`badge ${cls}`}>{label}</span>;
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
