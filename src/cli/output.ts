/** Output for people (aligned tables), and for tools (CSV, JSON). */

export interface Column {
  readonly header: string;
  readonly align?: 'left' | 'right';
}

export interface Style {
  readonly color: boolean;
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export const styleFor = (env: Readonly<Record<string, string | undefined>>, isTty: boolean): Style => ({
  color: isTty && env['NO_COLOR'] === undefined && env['TERM'] !== 'dumb',
});

const ansi = (code: string) => (style: Style, s: string) => (style.color ? `\u001b[${code}m${s}\u001b[0m` : s);
export const bold = ansi('1');
export const dim = ansi('2');
export const red = ansi('31');
export const yellow = ansi('33');

// East Asian wide characters take two terminal columns; Hangul syllables and CJK ideographs are the ones we print.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;
// eslint-disable-next-line no-control-regex -- ANSI colour escapes start with ESC by definition
const ESCAPES = /\u001b\[[0-9;]*m/g;

/** Terminal columns a string takes. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s.replace(ESCAPES, '')) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

const pad = (s: string, width: number, align: 'left' | 'right'): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
};

/** An aligned table: a header, a rule, the rows; numbers right-aligned where the column says so. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], style: Style): string {
  const widths = columns.map((c, i) => Math.max(displayWidth(c.header), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: readonly string[]) =>
    columns
      .map((c, i) => pad(cells[i] ?? '', widths[i] ?? 0, c.align ?? 'left'))
      .join('  ')
      .trimEnd();
  const header = bold(style, line(columns.map((c) => c.header)));
  const rule = dim(style, widths.map((w) => '─'.repeat(w)).join('  '));
  return [header, rule, ...rows.map(line)].join('\n') + '\n';
}

const csvCell = (v: string | number | boolean | null | undefined): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with a header row and CRLF line ends. */
export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export const toJson = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';
