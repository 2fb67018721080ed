/** The record and agreement files as the CLI sees them: resolve an id or a path to an agreement with its indices. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Agreement, IndexSet, Year } from '../index.js';
import { bundledRecord } from '../io/bundled-record.js';
import type { PublishedAmount, SmaRecord } from '../io/load-record.js';
import type { Source } from '../io/record-schema.js';
import type { Lang } from '../i18n/format.js';
import { CliFailure, fileProblem } from './errors.js';

/** The bundled record (io/bundled-record.ts). A broken record is our failure (exit 1), not the user's. */
export async function record(): Promise<SmaRecord> {
  const loaded = await bundledRecord();
  if (!loaded.ok)
    throw new CliFailure(
      loaded.error.map((e) => ({ code: e.code, message: e.message })),
      1,
    );
  return loaded.value;
}

/** An agreement to compute: from the record (with its published amounts) or from a user's file. */
export interface Target {
  readonly agreement: Agreement;
  readonly indices: IndexSet;
  /** Where it came from: `record` or the file's path. */
  readonly origin: string;
  readonly published: ReadonlyMap<Year, PublishedAmount>;
  readonly sources: readonly Source[];
  readonly unknownFloorYears: readonly Year[];
  /** The record's Korean name (a user's file has none: its name stays as written). */
  readonly nameKo?: string;
  /** The command that shows where the amounts come from, when it is not `sma show <id|file>` (a negotiated outcome). */
  readonly sourceCommand?: string;
}

/** The name a reader sees: the record's Korean name with --lang ko (as the web shows it), else the agreement's name. */
export const targetName = (t: Pick<Target, 'agreement' | 'nameKo'>, lang: Lang): string =>
  lang === 'ko' && t.nameKo !== undefined ? t.nameKo : t.agreement.name;

const looksLikeFile = (arg: string): boolean => /[/\\]|\.(ya?ml|json)$/i.test(arg);

export async function findInRecord(id: string): Promise<Target | undefined> {
  const r = await record();
  const a = r.agreements.find((x) => x.id === id);
  if (a)
    return {
      agreement: a.agreement,
      indices: r.indices,
      origin: 'record',
      published: new Map(a.publishedAmounts.map((p) => [p.year, p])),
      sources: [...new Map(a.publishedAmounts.flatMap((p) => p.sources).map((s) => [s.url, s])).values()],
      unknownFloorYears: a.unknownFloorYears,
      nameKo: a.nameKo,
    };
  const p = r.proposals.find((x) => x.agreement.id === id);
  if (p)
    return {
      agreement: p.agreement,
      indices: r.indices,
      origin: 'record',
      published: new Map(),
      sources: p.sources,
      unknownFloorYears: [],
      nameKo: p.nameKo,
    };
  return undefined;
}

export async function knownIds(): Promise<string[]> {
  const r = await record();
  return [...r.agreements.map((a) => a.id), ...r.proposals.map((p) => p.agreement.id)];
}

/** Resolves `sma-12`, `us-ask-2019` or `./my-proposal.yaml`. Bad files and unknown ids are exit-2 failures. */
export async function resolveTarget(arg: string, cwd: string): Promise<Target> {
  if (!looksLikeFile(arg)) {
    const found = await findInRecord(arg);
    if (found) return found;
    throw new CliFailure([
      {
        code: 'cli/unknown_agreement',
        message: `no agreement or proposal '${arg}' in the record`,
        expected: `an id (${(await knownIds()).join(', ')}) or a .yaml/.json file`,
        found: `'${arg}'`,
      },
    ]);
  }
  const path = resolve(cwd, arg);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new CliFailure([{ code: 'file/unreadable', message: `cannot read the file: ${reason}`, file: arg }]);
  }
  // The YAML parser and the schemas load only when a file is given: record ids stay fast.
  const { parseAgreementFile } = await import('../io/agreement-file.js');
  const parsed = parseAgreementFile(bytes, arg, await record());
  if (!parsed.ok) throw new CliFailure(parsed.error.map(fileProblem));
  return {
    agreement: parsed.value.agreement,
    indices: parsed.value.indices,
    origin: arg,
    published: new Map(),
    sources: [],
    unknownFloorYears: parsed.value.unknownFloorYears,
  };
}
