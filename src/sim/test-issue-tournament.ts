// Test fixture (not shipped: `test-*` is left out of the package): issue 15's acceptance tournament, 6 strategies ×
// 5 domains × 2 roles × 10 repetitions = 3,600 negotiations, as files (for the tournament job) and as a spec.
import { readFileSync, readdirSync } from 'node:fs';
import type { ResearchStrategySpec } from '../engine/agents/agents.js';
import { RESEARCH_STRATEGIES } from '../engine/agents/agents.js';
import { randomBilateralDomain } from '../engine/domains/random-domain.js';
import { createRng } from '../engine/random/rng.js';
import type { TournamentSpec } from '../engine/tournament/tournament.js';
import { readDomainFiles, writeDomainFiles, type DomainFormat, type WrittenFile } from '../io/domain-files/index.js';

const laptopDir = new URL('../../test/fixtures/domains/laptop/', import.meta.url);
const STRATEGIES = ['boulware', 'conceder', 'hardliner', 'micro', 'nice-tit-for-tat', 'random'] as const;
// GeniusWeb states reservations as bids only: its domain has reservation values of 0.
const FORMATS: readonly DomainFormat[] = ['geniusweb', 'negmas', 'genius', 'negmas'];

/** Laptop (Genius XML, test/fixtures) and four random domains written as GeniusWeb, NegMAS, Genius and NegMAS. */
export function issueTournamentFiles(): WrittenFile[][] {
  const laptop = readdirSync(laptopDir)
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(new URL(name, laptopDir), 'utf8') }));
  const random = FORMATS.map((format, k) => {
    const written = writeDomainFiles(
      randomBilateralDomain(createRng(k + 1), { maxReservation: format === 'geniusweb' ? 0 : 0.3 }),
      format,
    );
    if (!written.ok) throw new Error(`random domain ${k + 1}: ${written.error[0]?.message}`);
    return written.value;
  });
  return [laptop, ...random];
}

/** The tournament job's input for the issue's tournament. */
export const issueTournamentInput = () => ({
  domains: issueTournamentFiles().map((files) => ({ files })),
  strategies: [...STRATEGIES],
  repetitions: 10,
  seed: 2026,
  deadline: 30,
  mode: 'alternating' as const,
});

/** The same tournament as an engine spec: the same files through the one domain reader. */
export function issueTournamentSpec(): TournamentSpec {
  const domains = issueTournamentFiles().map((files) => {
    const read = readDomainFiles(files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.text) })));
    if (!read.ok) throw new Error(read.error[0]?.message);
    return read.value;
  });
  return {
    domains,
    strategies: STRATEGIES.map((name) => ({ name, spec: RESEARCH_STRATEGIES[name] as ResearchStrategySpec })),
    repetitions: 10,
    seed: 2026,
    deadline: 30,
    mode: 'alternating',
  };
}
