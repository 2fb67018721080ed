/** `sma domain stats FILE...` and `sma domain convert FILE... --to FORMAT --out DIR`: standard negotiation domains. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { type BilateralDomain, domainStats, type DomainStats, type StatsPoint } from '../../index.js';
import { readDomainFiles, writeDomainFiles } from '../../io/domain-files/index.js';
import { domainOptionsSchema } from '../../io/research-options.js';
import { CliFailure, EXIT_OK, fileProblem, usageError } from '../errors.js';
import { parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { toJson } from '../output.js';
import { bargainingLabel } from '../../i18n/labels.js';

const OPTIONS = {
  json: { type: 'boolean' },
  to: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const HELP = `Usage:
  sma domain stats FILE... [--json]      outcomes, Pareto frontier, Nash, Kalai–Smorodinsky, egalitarian,
                                          max-welfare points and opposition of a bilateral domain
  sma domain convert FILE... --to genius|geniusweb|negmas --out DIR
FILE...: Genius XML (domain.xml a.xml b.xml, or a.xml b.xml), GeniusWeb JSON (a.json b.json) or NegMAS YAML (one
.yaml). Definitions and the handling of each format's quirks: docs/domains.md.
`;

/** Reads the files of one domain from disk, or fails with every problem found. */
export function loadDomain(files: readonly string[], cwd: string): BilateralDomain {
  const named = files.map((f) => {
    try {
      return { name: f, bytes: readFileSync(resolve(cwd, f)) };
    } catch {
      throw new CliFailure([{ code: 'domain/files', message: `cannot read ${f}`, file: f }]);
    }
  });
  const read = readDomainFiles(named);
  if (!read.ok) throw new CliFailure(read.error.map(fileProblem));
  return read.value;
}

/** The stats as `--json` prints them (the shape the issue specifies), with the reservation values beside. */
export const statsJson = (s: DomainStats) => ({
  outcomes: s.outcomes,
  reservation: s.reservation,
  pareto: s.pareto,
  nash: s.nash,
  kalaiSmorodinsky: s.kalaiSmorodinsky,
  egalitarian: s.egalitarian,
  maxWelfare: s.maxWelfare,
  opposition: s.opposition,
});

const WORDS = {
  en: {
    outcomes: 'outcomes',
    reservation: 'reservation values',
    pareto: 'Pareto frontier',
    nash: 'Nash',
    ks: 'Kalai–Smorodinsky',
    egalitarian: 'egalitarian',
    welfare: 'max welfare',
    opposition: 'opposition',
    none: 'no individually rational outcome',
    source: 'Computed from the files by exhaustive enumeration; definitions in docs/domains.md.',
  },
  ko: {
    outcomes: '결과 수',
    reservation: '유보가치',
    pareto: '파레토 경계',
    // the solutions by the glossary's names, as sma solve prints them
    nash: bargainingLabel('nash', 'ko'),
    ks: bargainingLabel('kalai_smorodinsky', 'ko'),
    egalitarian: bargainingLabel('egalitarian', 'ko'),
    welfare: '최대 후생',
    opposition: '대립도',
    none: '개인 합리적 결과 없음',
    source: '파일에서 모든 결과를 열거해 계산함; 정의는 docs/domains.md.',
  },
} as const;

const f6 = (x: number): string => x.toFixed(6);
const terms = (p: StatsPoint): string =>
  p.outcome === null
    ? ''
    : Object.entries(p.outcome)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ');

function statsText(d: BilateralDomain, s: DomainStats, lang: 'en' | 'ko'): string {
  const w = WORDS[lang];
  const [a, b] = d.profiles.map((p) => p.name);
  const point = (label: string, p: StatsPoint) =>
    `  ${label.padEnd(20)} ${p.outcome === null ? w.none : `(${f6(p.utilities[0])}, ${f6(p.utilities[1])})  ${terms(p)}`}`;
  const lines = [
    `${d.name}: ${a} × ${b}`,
    `  ${w.outcomes.padEnd(20)} ${s.outcomes}`,
    `  ${w.reservation.padEnd(20)} (${f6(s.reservation[0])}, ${f6(s.reservation[1])})`,
    point(w.nash, s.nash),
    point(w.ks, s.kalaiSmorodinsky),
    point(w.egalitarian, s.egalitarian),
    point(w.welfare, s.maxWelfare),
    `  ${w.opposition.padEnd(20)} ${f6(s.opposition)}`,
    `  ${w.pareto} (${s.pareto.length}):`,
    ...s.pareto.map((p) => `    (${f6(p.utilities[0])}, ${f6(p.utilities[1])})  ${terms(p)}`),
    w.source,
  ];
  return `${lines.join('\n')}\n`;
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, OPTIONS, domainOptionsSchema);
  const [sub, ...files] = positionals;
  if (o.help || sub === undefined) {
    io.stdout(HELP);
    return o.help ? EXIT_OK : 2;
  }
  if (files.length === 0) throw usageError(`sma domain ${sub} needs the domain's files, e.g. domain.xml a.xml b.xml`);
  if (sub === 'stats') {
    const d = loadDomain(files, io.cwd);
    const s = domainStats(d);
    io.stdout(o.json ? toJson(statsJson(s)) : statsText(d, s, o.lang));
    return EXIT_OK;
  }
  if (sub === 'convert') {
    const out = o.out;
    if (o.to === undefined || out === undefined) throw usageError('sma domain convert needs --to FORMAT and --out DIR');
    const d = loadDomain(files, io.cwd);
    const written = writeDomainFiles(d, o.to);
    if (!written.ok) throw new CliFailure(written.error.map(fileProblem));
    const dir = resolve(io.cwd, out);
    mkdirSync(dir, { recursive: true });
    for (const f of written.value) writeFileSync(join(dir, basename(f.name)), f.text);
    io.stdout(written.value.map((f) => `${join(out, basename(f.name))}\n`).join(''));
    return EXIT_OK;
  }
  throw usageError(`expected stats or convert, found '${sub}'`);
}
