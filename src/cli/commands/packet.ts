/** `sma packet <scenario>`: a scenario's case packet (briefs, scoring sheets, teaching note) as markdown or JSON. */
import { outputOptionsSchema } from '../../io/cli-options.js';
import { casePacket, packetMarkdown } from '../../index.js';
import { packetRecord } from '../../roleplay/packet.js';
import { EXIT_OK, usageError } from '../errors.js';
import { OUTPUT_OPTIONS, parseFlags } from '../flags.js';
import type { CliIo } from '../io.js';
import { toJson } from '../output.js';
import { record } from '../record.js';
import { loadScenario } from '../scenario.js';

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: o, positionals } = parseFlags(argv, OUTPUT_OPTIONS, outputOptionsSchema);
  if (o.help) {
    io.stdout(
      'Usage: sma packet <scenario|file> [--lang en|ko] [--json]\n\nThe case packet of a scenario for a class: general brief, confidential briefs, scoring sheets and teaching note, as markdown; --json gives every figure with its source.\n',
    );
    return EXIT_OK;
  }
  if (positionals.length !== 1) throw usageError('expected one scenario, e.g. sma packet sma-11-talks --lang ko');
  const scenario = await loadScenario(positionals[0] ?? '', io);
  const packet = casePacket(scenario, packetRecord(await record()), o.lang);
  io.stdout(o.json ? toJson(packet) : packetMarkdown(packet));
  return EXIT_OK;
}
