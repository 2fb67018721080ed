import type { Agreement, IndexPoint, IndexSeries, IndexSet, Year } from '../engine/agreement/types.js';
import { err, ok, type Result } from '../engine/result.js';
import { agreementFileSchema } from './agreement-file-schema.js';
import { baseLookupFrom, type SmaRecord } from './load-record.js';
import { buildAgreement, type RuleProblem } from './rules.js';
import { fileError, readYamlFileWith, type FileError as YamlFileError } from './yaml-file.js';
import { formatPath } from './zod-issues.js';

/** One problem in an agreement file, located at a line and column (both from 1). */
export type FileError = YamlFileError<
  'file/not_utf8' | 'file/empty' | 'file/syntax' | 'file/invalid_field' | `file/${RuleProblem['code']}`
>;

export interface ParsedAgreementFile {
  readonly fileName: string;
  readonly agreement: Agreement;
  /** The record's series, extended or overridden by the file's `indices` (origin `user: <file>`). */
  readonly indices: IndexSet;
  /** Years whose index rule marks its floor unknown (`floor_unknown: true`); none is applied. */
  readonly unknownFloorYears: readonly Year[];
}

/**
 * Parses an agreement file (YAML, or JSON as YAML) against the record: one error per problem, with position.
 * @example parseAgreementFile(new TextEncoder().encode('id: x\nname: X\ncurrency: KRW\nrules: [{ year: 2026, amount: 1 }]\n'), 'x.yaml', record)
 */
export const parseAgreementFile = (
  bytes: Uint8Array,
  fileName: string,
  record: SmaRecord,
): Result<ParsedAgreementFile, FileError[]> => {
  const file = readYamlFileWith(bytes, fileName, 'agreement_document', agreementFileSchema);
  if (!file.ok) return file;
  const { at } = file.value;
  const parsed = file.value;
  const data = parsed.data;
  const fileSeries = data.indices ?? {};
  const knownSeries = new Set([...record.indices.keys(), ...Object.keys(fileSeries)]);
  const built = buildAgreement(
    { ...data, kind: 'proposal' },
    knownSeries,
    baseLookupFrom(record.agreements.map((a) => a.facts)),
  );
  if (!built.ok)
    return err(
      built.error.map((p) =>
        fileError(`file/${p.code}`, fileName, at(p.path), formatPath(p.path), p.expected, p.found, p.problem),
      ),
    );

  const indices = new Map<string, IndexSeries>(record.indices);
  for (const [id, values] of Object.entries(fileSeries)) {
    const points = new Map<Year, IndexPoint>(indices.get(id)?.points ?? []);
    for (const [year, value] of Object.entries(values))
      points.set(Number(year), { value, observed: true, origin: `user: ${fileName}` });
    indices.set(id, { id, kind: indices.get(id)?.kind ?? 'growth', points });
  }
  return ok({ fileName, agreement: built.value.agreement, indices, unknownFloorYears: built.value.unknownFloorYears });
};
