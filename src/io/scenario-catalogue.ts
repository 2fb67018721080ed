/**
 * The one scenario catalogue: the bundled scenario files (data/scenarios) and, when configured, a user directory,
 * each file parsed once by scenario-file.ts. The CLI, role-play and the server are handed a catalogue (injected)
 * rather than each reading a directory of its own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Scenario } from '../engine/negotiation/scenario.js';
import { parseScenarioFile, type ScenarioFileError } from './scenario-file.js';

/** data/scenarios of this checkout (src/io, dist/io and dist/bundle all sit two folders below the root). */
export const BUNDLED_SCENARIO_DIR = fileURLToPath(new URL('../../data/scenarios/', import.meta.url));

/** The environment variable naming a directory of the user's own scenario files. */
export const SCENARIO_DIR_ENV = 'SMA_SCENARIO_DIR';

export interface ScenarioCatalogue {
  /** The directories read, bundled first. */
  readonly dirs: readonly string[];
  /** Every scenario that parsed, by id; a user file with a bundled id replaces the bundled one. */
  readonly scenarios: ReadonlyMap<string, Scenario>;
  /** Each scenario's file, by id. */
  readonly files: ReadonlyMap<string, string>;
  /** Files that did not parse (left out of `scenarios`), each problem positioned in its file. */
  readonly problems: readonly ScenarioFileError[];
  readonly get: (id: string) => Scenario | undefined;
  readonly ids: () => readonly string[];
}

/**
 * The directories a catalogue reads: the bundled one, then `dir` (a flag) or else $SMA_SCENARIO_DIR, resolved from `cwd`.
 * @example scenarioDirs({ env: process.env, cwd: process.cwd() }) // ['/…/data/scenarios/', '/home/me/scenarios']
 */
export function scenarioDirs(options: {
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  readonly dir?: string;
}): readonly string[] {
  const user = options.dir ?? options.env?.[SCENARIO_DIR_ENV];
  return user === undefined || user === ''
    ? [BUNDLED_SCENARIO_DIR]
    : [BUNDLED_SCENARIO_DIR, resolve(options.cwd ?? '.', user)];
}

const scenarioFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .sort();

/**
 * Reads every scenario file (`*.yaml`, `*.yml`, `*.json`) in the directories; an unreadable directory throws (a
 * configuration error), a bad file is reported in `problems` and left out.
 * @example loadScenarioCatalogue(scenarioDirs({ env: process.env })).get('sma-11-talks')
 */
export function loadScenarioCatalogue(dirs: readonly string[] = [BUNDLED_SCENARIO_DIR]): ScenarioCatalogue {
  const scenarios = new Map<string, Scenario>();
  const files = new Map<string, string>();
  const problems: ScenarioFileError[] = [];
  for (const dir of dirs)
    for (const file of scenarioFiles(dir)) {
      const path = resolve(dir, file);
      const parsed = parseScenarioFile(readFileSync(path), file);
      if (parsed.ok) {
        scenarios.set(parsed.value.id, parsed.value);
        files.set(parsed.value.id, path);
      } else problems.push(...parsed.error);
    }
  return {
    dirs,
    scenarios,
    files,
    problems,
    get: (id) => scenarios.get(id),
    ids: () => [...scenarios.keys()].sort(),
  };
}

/** A catalogue of scenarios already in memory (tests, a built-in fallback). */
export function scenarioCatalogueOf(list: readonly Scenario[]): ScenarioCatalogue {
  const scenarios = new Map(list.map((s) => [s.id, s]));
  return {
    dirs: [],
    scenarios,
    files: new Map(),
    problems: [],
    get: (id) => scenarios.get(id),
    ids: () => [...scenarios.keys()].sort(),
  };
}
