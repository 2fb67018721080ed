/**
 * English left in Korean text: the Latin words a Korean reader may meet (proper names and units) and a finder for the
 * others. One list for the web's Korean walk (test/e2e/korean.test.ts) and the command line's (src/cli/korean.test.ts).
 */
/**
 * The Latin words Korean text (a web page, the command line's output) may show: proper names and units a Korean
 * reader sees written so in the Korean press and in the Ministry's releases, the app's name, file formats, and the statistics' own names. Anything else is
 * English that was left untranslated.
 */
export const ALLOWED_LATIN = new Set([
  // the agreement and the forces, as Korean texts abbreviate them
  'SMA',
  'USFK',
  // bodies and outlets the Korean press names in Latin letters (the US Government Accountability Office, a network)
  'GAO',
  'CNN',
  // currencies and units
  'USD',
  'KRW',
  'pp',
  // the statistics and the theory's names used untranslated in Korean texts
  'CPI',
  'GDP',
  'ZOPA',
  'Nash',
  'ABC',
  'SMC',
  // negotiation software whose files the Theory page reads, and its protocol's name (Stacked Alternating Offers)
  'Genius',
  'GeniusWeb',
  'NegMAS',
  'SAOP',
  // file formats and the app's own name
  'PNG',
  'SVG',
  'CSV',
  'JSON',
  'XML',
  'YAML',
  'PDF',
  'Lab',
  'ID',
  'URL',
]);

/** Latin words; those with fewer than two letters are the formulas' variables and quantiles (x₁, k, T, p10). */
const LATIN_WORD = /[A-Za-z][A-Za-z0-9]*(?:['’-][A-Za-z]+)*/g;

/** English words on a text, each once, outside the allowlist; a hyphenated name passes when each part does (ABC-SMC). */
export function englishWords(text: string): string[] {
  const found = new Set<string>();
  for (const [w] of text.matchAll(LATIN_WORD)) {
    if ((w.match(/[A-Za-z]/g)?.length ?? 0) < 2 || w.split('-').every((part) => ALLOWED_LATIN.has(part))) continue;
    found.add(w);
  }
  return [...found];
}
