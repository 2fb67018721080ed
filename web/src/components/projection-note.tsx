import type { ProjectionStatement } from '../../../src/index.js';
import { projectionNote } from '../../../src/i18n/projection-note.js';
import { useI18n } from '../i18n/lang.js';

/** The projection every projected number on the page rests on, stated once in the current language. */
export function ProjectionNote({ statements }: { statements: readonly ProjectionStatement[] }) {
  const { lang } = useI18n();
  return (
    <p className="muted projection-note" data-testid="projection-note" style={{ fontSize: '0.85rem' }}>
      {projectionNote(statements, lang)}
    </p>
  );
}
