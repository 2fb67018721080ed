// A scenario's case packet from the bundled files: the scenario file (io's parser) and the record (io's loader), then
// the engine's pure packet builder. The CLI and the server read packets through this one function.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../engine/result.js';
import { casePacket, type CasePacket } from '../engine/roleplay/packet.js';
import type { Language } from '../engine/roleplay/terms.js';
import { loadRecord, type IoError } from '../io/load-record.js';
import { parseScenarioFile, type ScenarioFileError } from '../io/scenario-file.js';
import { defaultScenarioDir } from './scenarios.js';

export type PacketError =
  | { readonly code: 'packet/unknown_scenario'; readonly scenario: string; readonly message: string }
  | { readonly code: 'packet/scenario_invalid'; readonly problems: readonly ScenarioFileError[] }
  | { readonly code: 'packet/record_invalid'; readonly problems: readonly IoError[] };

/**
 * The case packet of a bundled scenario (`sma-11-talks`) in a language.
 * @example loadPacket('sma-11-talks', 'ko') // ok({ title: '사례 패킷 — 11th SMA talks (2019–2021)', … })
 */
export function loadPacket(
  scenarioId: string,
  lang: Language,
  dir: string = defaultScenarioDir,
): Result<CasePacket, PacketError> {
  if (!/^[a-z0-9-]+$/.test(scenarioId))
    return err({
      code: 'packet/unknown_scenario',
      scenario: scenarioId,
      message: 'expected a scenario id such as sma-11-talks',
    });
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(dir, `${scenarioId}.yaml`));
  } catch {
    return err({
      code: 'packet/unknown_scenario',
      scenario: scenarioId,
      message: `no scenario file ${scenarioId}.yaml in ${dir}`,
    });
  }
  const scenario = parseScenarioFile(bytes, `${scenarioId}.yaml`);
  if (!scenario.ok) return err({ code: 'packet/scenario_invalid', problems: scenario.error });
  const record = loadRecord();
  if (!record.ok) return err({ code: 'packet/record_invalid', problems: record.error });
  return ok(
    casePacket(
      scenario.value,
      { events: record.value.events, agreements: record.value.agreements.map((a) => a.facts) },
      lang,
    ),
  );
}
