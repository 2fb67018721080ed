import { describe, expect, it } from 'vitest';
import { displayWidth, renderTable, styleFor, toCsv } from './output.js';

describe('CLI output', () => {
  it('aligns columns, numbers to the right, counting Hangul as two columns', () => {
    const table = renderTable(
      [{ header: 'year' }, { header: '금액', align: 'right' }],
      [
        ['2025', '1조 4,028억 원'],
        ['2026', '1조 5,192억 원'],
      ],
      { color: false },
    );
    expect(table).toBe(
      'year            금액\n' + '────  ──────────────\n' + '2025  1조 4,028억 원\n' + '2026  1조 5,192억 원\n',
    );
    expect(displayWidth('1조 5,192억 원')).toBe(14);
  });

  it('quotes CSV cells that hold commas, quotes or line breaks', () => {
    expect(toCsv(['id', 'name'], [['sma-12', '12th SMA, "2026–2030"']])).toBe(
      'id,name\r\nsma-12,"12th SMA, ""2026–2030"""\r\n',
    );
  });

  it('uses colour only on a terminal without NO_COLOR', () => {
    expect(styleFor({}, true).color).toBe(true);
    expect(styleFor({ NO_COLOR: '1' }, true).color).toBe(false);
    expect(styleFor({}, false).color).toBe(false);
  });
});
