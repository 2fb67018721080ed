/** Reading a YAML (or JSON) file for a schema: UTF-8 decoding, syntax, and the line and column of any field path. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { err, ok, type Result } from '../engine/result.js';
import { ruleExpected, type Problem, type SchemaRule } from '../i18n/problems.js';
import { fieldProblems, formatPath, type PlainValue } from './zod-issues.js';

/** One problem in a file, located at a line and column (both from 1). */
export interface FileError<Code extends string = string> {
  readonly code: Code;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** Field path, e.g. `rules[1].cap`; `(root)` for the document. */
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  /** `file:line:column: path: expected ..., found ...` */
  readonly message: string;
  /** What was expected as a code and parameters (src/i18n/problems.ts): `expected` in every language. */
  readonly problem: Problem;
  readonly value?: PlainValue;
}

export interface Position {
  readonly line: number;
  readonly col: number;
}

export const fileError = <Code extends string>(
  code: Code,
  file: string,
  at: Position,
  path: string,
  expected: string,
  found: string,
  problem: Problem,
  value?: PlainValue,
): FileError<Code> => ({
  code,
  file,
  line: at.line,
  column: at.col,
  path,
  expected,
  found,
  message: `${file}:${at.line}:${at.col}: ${path}: expected ${expected}, found ${found}`,
  problem,
  ...(value === undefined ? {} : { value }),
});

/** Byte offset of the first byte that breaks UTF-8, or -1. */
const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
};

/** The YAML node at a path (the value, or the key itself when asked), or the nearest ancestor found. */
const nodeAt = (root: Node | null, path: readonly (string | number)[], preferKey: boolean): Node | null => {
  let node: Node | null = root;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined) return node;
      const key = pair.key as Node;
      if (last && preferKey) return key;
      node = (pair.value as Node | null) ?? key;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (item === undefined) return node;
      node = item;
    } else return node;
  }
  return node;
};

export interface YamlFile {
  /** The document as plain data. */
  readonly data: unknown;
  /** Where a field path is in the file (its key when `preferKey`), or the nearest ancestor's position. */
  readonly at: (path: readonly (string | number)[], preferKey?: boolean) => Position;
}

/** A whole file's problem (not UTF-8, empty, not YAML), stated as a rule. */
export type DocumentError = FileError<'file/not_utf8' | 'file/empty' | 'file/syntax'>;

/** A whole file's problem as a rule: its English words are the error's `expected`. */
const documentError = (
  code: DocumentError['code'],
  fileName: string,
  at: Position,
  rule: SchemaRule,
  found: string,
): DocumentError => {
  const { expected, ...problem } = ruleExpected(rule);
  return fileError(code, fileName, at, '(root)', expected, found, problem);
};

/**
 * Decodes and parses a YAML or JSON file; `expectedContent` is the rule naming what an empty file should have held.
 * @example readYamlFile(new TextEncoder().encode('id: x\n'), 'x.yaml', 'scenario_document') // ok({ data: { id: 'x' }, at })
 */
export function readYamlFile(
  bytes: Uint8Array,
  fileName: string,
  expectedContent: SchemaRule,
): Result<YamlFile, DocumentError[]> {
  const start = { line: 1, col: 1 };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = Math.max(0, firstInvalidUtf8(bytes));
    const before = bytes.subarray(0, offset);
    const line = before.filter((b) => b === 0x0a).length + 1;
    const col = offset - before.lastIndexOf(0x0a);
    const hex = bytes[offset]?.toString(16).padStart(2, '0') ?? '??';
    return err([
      documentError('file/not_utf8', fileName, { line, col }, 'utf8_text', `byte 0x${hex} at offset ${offset}`),
    ]);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0)
    return err(
      doc.errors.map((e) =>
        documentError(
          'file/syntax',
          fileName,
          lineCounter.linePos(e.pos[0]),
          'yaml_syntax',
          e.message.split('\n')[0] ?? e.code,
        ),
      ),
    );
  if (doc.contents === null)
    return err([documentError('file/empty', fileName, start, expectedContent, 'an empty file')]);
  const root = doc.contents as Node;
  const at = (path: readonly (string | number)[], preferKey = false): Position => {
    const node = nodeAt(root, path, preferKey);
    return node?.range ? lineCounter.linePos(node.range[0]) : start;
  };
  // The parser accepts some documents that cannot become values (an alias with no anchor, `**`): a syntax error too.
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    const message = e instanceof Error ? (e.message.split('\n')[0] ?? e.name) : String(e);
    return err([documentError('file/syntax', fileName, at([]), 'yaml_syntax', message)]);
  }
  return ok({ data, at });
}

/**
 * {@link readYamlFile}, then `schema`: every schema problem becomes a positioned `file/invalid_field` error.
 * @example readYamlFileWith(bytes, 'p.yaml', 'agreement_document', agreementFileSchema) // ok({ data, at }) or errors
 */
export function readYamlFileWith<S extends z.ZodType>(
  bytes: Uint8Array,
  fileName: string,
  expectedContent: SchemaRule,
  schema: S,
): Result<
  { readonly data: z.output<S>; readonly at: YamlFile['at'] },
  FileError<'file/not_utf8' | 'file/empty' | 'file/syntax' | 'file/invalid_field'>[]
> {
  const file = readYamlFile(bytes, fileName, expectedContent);
  if (!file.ok) return file;
  const { at } = file.value;
  const parsed = schema.safeParse(file.value.data, { reportInput: true });
  if (parsed.success) return ok({ data: parsed.data, at });
  return err(fieldErrors(parsed.error.issues, fileName, at));
}

/** A schema's issues as `file/invalid_field` errors, each placed in the file's text (at its key when the key is bad). */
export const fieldErrors = (
  issues: readonly z.core.$ZodIssue[],
  fileName: string,
  at: YamlFile['at'],
): FileError<'file/invalid_field'>[] =>
  fieldProblems(issues).map((p) =>
    fileError(
      'file/invalid_field',
      fileName,
      at(p.path, p.atKey === true),
      formatPath(p.path),
      p.expected,
      p.found,
      p.problem,
      p.value,
    ),
  );
