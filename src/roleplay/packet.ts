// A scenario's case packet from the bundled files: the scenario catalogue (io), the record (io's loader), then the
// engine's pure packet builder.
import type { Scenario } from '../engine/negotiation/scenario.js';
import { err, ok, type Result } from '../engine/result.js';
import { casePacket, type CasePacket, type PacketRecord } from '../engine/roleplay/packet.js';
import type { Language } from '../engine/roleplay/terms.js';
import { loadRecord, type IoError, type SmaRecord } from '../io/load-record.js';
import { loadScenarioCatalogue, type ScenarioCatalogue } from '../io/scenario-catalogue.js';
import type { ScenarioFileError } from '../io/scenario-file.js';

export type PacketError =
  | { readonly code: 'packet/unknown_scenario'; readonly scenario: string; readonly message: string }
  | { readonly code: 'packet/scenario_invalid'; readonly problems: readonly ScenarioFileError[] }
  | { readonly code: 'packet/record_invalid'; readonly problems: readonly IoError[] };

/** What a packet reads from the loaded record: the events and each agreement's facts. */
export const packetRecord = (r: SmaRecord): PacketRecord => ({
  events: r.events,
  agreements: r.agreements.map((a) => a.facts),
  polls: r.context.polls,
});

/** The record as packets read it, loaded once per process (the bundled files never change while it runs). */
let packetRecordMemo: Result<PacketRecord, PacketError> | null = null;
const packets = new Map<string, CasePacket>();

/**
 * The case packet of a loaded scenario, built once per scenario and language.
 * @example packetOf(sma11, 'ko') // ok({ title: '사례 패킷 — 제11차 방위비분담특별협정 협상 (2019–2021)', … })
 */
export function packetOf(scenario: Scenario, lang: Language): Result<CasePacket, PacketError> {
  if (packetRecordMemo === null) {
    const record = loadRecord();
    packetRecordMemo = record.ok
      ? ok(packetRecord(record.value))
      : err({ code: 'packet/record_invalid', problems: record.error });
  }
  if (!packetRecordMemo.ok) return packetRecordMemo;
  const key = `${scenario.id}\u0000${lang}`;
  let p = packets.get(key);
  if (p === undefined) {
    p = casePacket(scenario, packetRecordMemo.value, lang);
    packets.set(key, p);
  }
  return ok(p);
}

/**
 * The case packet of a catalogue's scenario (`sma-11-talks`) in a language.
 * @example loadPacket('sma-11-talks', 'ko') // ok({ title: '사례 패킷 — 제11차 방위비분담특별협정 협상 (2019–2021)', … })
 */
export function loadPacket(
  scenarioId: string,
  lang: Language,
  catalogue: ScenarioCatalogue = loadScenarioCatalogue(),
): Result<CasePacket, PacketError> {
  if (catalogue.problems.length > 0) return err({ code: 'packet/scenario_invalid', problems: catalogue.problems });
  const scenario: Scenario | undefined = catalogue.get(scenarioId);
  if (scenario === undefined)
    return err({
      code: 'packet/unknown_scenario',
      scenario: scenarioId,
      message: `no scenario '${scenarioId}'; known: ${catalogue.ids().join(', ')}`,
    });
  return packetOf(scenario, lang);
}
