import type { ReactNode } from 'react';
import { useI18n } from '../i18n/lang.js';
import { download, toCsv } from './download.js';

export interface Column<Row> {
  readonly key: string;
  readonly header: string;
  /** What the cell shows (may carry badges and links). */
  readonly render: (row: Row) => ReactNode;
  /** The raw value written to the CSV (numbers unformatted, so a spreadsheet can compute with them). */
  readonly csv: (row: Row) => string | number | null | undefined;
  readonly numeric?: boolean;
}

/** A table with a caption and a CSV export of exactly the rows and columns shown. */
export function DataTable<Row>({
  caption,
  filename,
  columns,
  rows,
  rowKey,
  notes,
}: {
  readonly caption: string;
  readonly filename: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  /** What the figures rest on (projection, base year, exchange rates), written under the rows of the CSV. */
  readonly notes?: readonly string[];
}) {
  const { t } = useI18n();
  const exportCsv = () => {
    const text = toCsv([
      columns.map((c) => c.header),
      ...rows.map((r) => columns.map((c) => c.csv(r))),
      ...(notes && notes.length > 0 ? [[], ...notes.map((n) => [n])] : []),
    ]);
    download(`${filename}.csv`, new Blob([text], { type: 'text/csv;charset=utf-8' }));
  };
  return (
    <div>
      <div className="toolbar">
        <button type="button" onClick={exportCsv} aria-label={`${t('export.csv')} — ${caption}`}>
          ⤓ {t('export.csv')}
        </button>
      </div>
      {/* a wide table scrolls in its box; the box takes focus so a keyboard can scroll it too */}
      <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <table>
          <caption className="muted" style={{ textAlign: 'left' }}>
            {caption}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={rowKey(r)}>
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.render(r)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
