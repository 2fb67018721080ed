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
}: {
  readonly caption: string;
  readonly filename: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
}) {
  const { t } = useI18n();
  const exportCsv = () => {
    const text = toCsv([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.csv(r)))]);
    download(`${filename}.csv`, new Blob([text], { type: 'text/csv;charset=utf-8' }));
  };
  return (
    <div>
      <div className="toolbar">
        <button type="button" onClick={exportCsv} aria-label={`${t('export.csv')} — ${caption}`}>
          ⤓ {t('export.csv')}
        </button>
      </div>
      <div className="table-wrap">
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
