import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import type { Agreement, Currency, IndexSet, Year } from '../engine/agreement/types.js';
import { err, ok, type Result } from '../engine/result.js';
import { indexSetOf } from './record-indices.js';
import { buildAgreement, type BaseLookup, type RuleProblem } from './rules.js';
import {
  RECORD_FILES,
  type ContextFacts,
  type EventFact,
  type FactStatus,
  type IndexSeriesFact,
  type ProposalFact,
  type RecordAgreementFact,
  type RecordFileName,
  type Source,
  type YearlyAmountFact,
} from './record-schema.js';
import { fieldProblems, formatPath } from './zod-issues.js';

/** A problem in a record file: which file, which field (JSON path), what was expected and what was found. */
export interface IoError {
  readonly code: 'record/unreadable' | 'record/invalid_json' | 'record/invalid_field' | 'record/inconsistent';
  readonly file: string;
  /** JSON path of the field, e.g. `agreements[8].yearly_amounts[1].status`; `(root)` for the whole file. */
  readonly path: string;
  readonly expected: string;
  readonly found: string;
  readonly message: string;
}

/** A yearly amount as published, with its status and sources; conflicting values carry each alternative. */
export interface PublishedAmount {
  readonly year: Year;
  readonly krw: number | null;
  readonly usd: number | null;
  readonly status: FactStatus;
  readonly sources: readonly Source[];
  readonly alternatives?: YearlyAmountFact['alternatives'];
}

export interface RecordAgreement {
  readonly id: string;
  readonly ordinal: number;
  readonly name: string;
  /** Its Korean name (제12차 방위비분담특별협정), from the record like every name the app shows. */
  readonly nameKo: string;
  readonly firstYear: Year;
  readonly lastYear: Year;
  /** The rules that produce the published amounts (engine model, kind 'agreement'). */
  readonly agreement: Agreement;
  readonly publishedAmounts: readonly PublishedAmount[];
  /** Years whose index rule has a floor no source states; the agreement applies none (12th SMA: 2027–2030). */
  readonly unknownFloorYears: readonly Year[];
  /** Every fact of the record file for this agreement (dates, negotiators, escalation, categories, clauses). */
  readonly facts: RecordAgreementFact;
}

/** A proposal or claim that was not concluded, modelled as an agreement of kind 'proposal'. */
export interface RecordProposal {
  readonly agreement: Agreement;
  /** Its Korean name; `agreement.name` is the English one. */
  readonly nameKo: string;
  readonly date: string;
  readonly party: ProposalFact['party'];
  /** false: the term was not stated, so only the stated year is modelled. */
  readonly periodKnown: boolean;
  readonly status: FactStatus;
  readonly sources: readonly Source[];
  readonly events: readonly EventFact[];
}

export interface SmaRecord {
  readonly agreements: readonly RecordAgreement[];
  readonly proposals: readonly RecordProposal[];
  /** Every series value with a number, for the engine; origin = the value's sources. */
  readonly indices: IndexSet;
  /** The series as facts, including values that are unknown (null) and their statuses. */
  readonly indexSeries: readonly IndexSeriesFact[];
  readonly events: readonly EventFact[];
  readonly context: ContextFacts;
}

export type RecordTexts = Readonly<Record<RecordFileName, string>>;

/** data/record in this checkout. */
export const DEFAULT_RECORD_DIR = fileURLToPath(new URL('../../data/record/', import.meta.url));

const ioError = (code: IoError['code'], file: string, path: string, expected: string, found: string): IoError => ({
  code,
  file,
  path,
  expected,
  found,
  message: `${file}: ${path}: expected ${expected}, found ${found}`,
});

const parseFile = <S extends z.ZodType>(file: string, text: string, schema: S): Result<z.output<S>, IoError[]> => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err([
      ioError('record/invalid_json', file, '(root)', 'valid JSON', e instanceof Error ? e.message : String(e)),
    ]);
  }
  const parsed = schema.safeParse(json, { reportInput: true });
  if (parsed.success) return ok(parsed.data);
  return err(
    fieldProblems(parsed.error.issues).map((p) =>
      ioError('record/invalid_field', file, formatPath(p.path), p.expected, p.found),
    ),
  );
};

/** The published amount of an agreement's last year, as the base of a later agreement or proposal. */
export const baseLookupFrom =
  (agreements: readonly RecordAgreementFact[]): BaseLookup =>
  (id: string, currency: Currency) => {
    const a = agreements.find((x) => x.id === id);
    if (a === undefined) return 'unknown_agreement';
    const last = a.yearly_amounts.find((y) => y.year === a.period.last_year);
    const amount = currency === 'KRW' ? last?.krw : last?.usd;
    return amount === null || amount === undefined ? 'no_amount' : { year: a.period.last_year, amount };
  };

const ruleError = (file: string, prefix: readonly (string | number)[], p: RuleProblem): IoError =>
  ioError('record/inconsistent', file, formatPath([...prefix, ...p.path]), p.expected, p.found);

/**
 * Validates the record's files (given as text) and builds the record.
 * @example parseRecordFiles(texts) // → { ok: true, value: { agreements: [...12], proposals: [...4], indices, ... } }
 */
export const parseRecordFiles = (texts: RecordTexts): Result<SmaRecord, IoError[]> => {
  const agreementsFile = parseFile('agreements.json', texts['agreements.json'], RECORD_FILES['agreements.json']);
  const seriesFile = parseFile('index-series.json', texts['index-series.json'], RECORD_FILES['index-series.json']);
  const eventsFile = parseFile('events.json', texts['events.json'], RECORD_FILES['events.json']);
  const contextFile = parseFile('context.json', texts['context.json'], RECORD_FILES['context.json']);
  const proposalsFile = parseFile('proposals.json', texts['proposals.json'], RECORD_FILES['proposals.json']);
  if (!agreementsFile.ok || !seriesFile.ok || !eventsFile.ok || !contextFile.ok || !proposalsFile.ok)
    return err(
      [agreementsFile, seriesFile, eventsFile, contextFile, proposalsFile].flatMap((r) => (r.ok ? [] : r.error)),
    );

  const errors: IoError[] = [];
  const facts = agreementsFile.value.agreements;
  const series = seriesFile.value.series;
  const knownSeries = new Set(series.map((s) => s.id));
  const lookupBase = baseLookupFrom(facts);

  const ordinals = facts.map((a) => a.ordinal).join(',');
  if (ordinals !== '1,2,3,4,5,6,7,8,9,10,11,12')
    errors.push(
      ioError(
        'record/inconsistent',
        'agreements.json',
        'agreements',
        'the 1st to 12th SMA in order',
        `ordinals ${ordinals}`,
      ),
    );

  const agreements: RecordAgreement[] = [];
  facts.forEach((a, i) => {
    const at = (...path: (string | number)[]) => formatPath(['agreements', i, ...path]);
    if (a.id !== `sma-${a.ordinal}`)
      errors.push(
        ioError('record/inconsistent', 'agreements.json', at('id'), `"sma-${a.ordinal}"`, JSON.stringify(a.id)),
      );
    a.yearly_amounts.forEach((y, j) => {
      if (y.year < a.period.first_year || y.year > a.period.last_year)
        errors.push(
          ioError(
            'record/inconsistent',
            'agreements.json',
            at('yearly_amounts', j, 'year'),
            `a year of the period ${a.period.first_year}-${a.period.last_year}`,
            String(y.year),
          ),
        );
    });
    const built = buildAgreement({ ...a.schedule, id: a.id, name: a.name, kind: 'agreement' }, knownSeries, lookupBase);
    if (!built.ok) {
      errors.push(...built.error.map((p) => ruleError('agreements.json', ['agreements', i, 'schedule'], p)));
      return;
    }
    const ruleYears = built.value.agreement.rules.map((r) => r.year);
    if (ruleYears[0] !== a.period.first_year || ruleYears[ruleYears.length - 1] !== a.period.last_year)
      errors.push(
        ioError(
          'record/inconsistent',
          'agreements.json',
          at('schedule', 'rules'),
          `rules for ${a.period.first_year}-${a.period.last_year}`,
          `rules for ${ruleYears[0]}-${ruleYears[ruleYears.length - 1]}`,
        ),
      );
    agreements.push({
      id: a.id,
      ordinal: a.ordinal,
      name: a.name,
      nameKo: a.name_ko,
      firstYear: a.period.first_year,
      lastYear: a.period.last_year,
      agreement: built.value.agreement,
      publishedAmounts: a.yearly_amounts.map((y) => ({
        year: y.year,
        krw: y.krw,
        usd: y.usd,
        status: y.status,
        sources: y.sources,
        ...(y.alternatives === undefined ? {} : { alternatives: y.alternatives }),
      })),
      unknownFloorYears: built.value.unknownFloorYears,
      facts: a,
    });
  });

  const events = eventsFile.value.events;
  const eventsById = new Map(events.map((e) => [e.id, e]));
  const proposals: RecordProposal[] = [];
  proposalsFile.value.proposals.forEach((p, i) => {
    const linked: EventFact[] = [];
    p.events.forEach((id, j) => {
      const e = eventsById.get(id);
      if (e === undefined)
        errors.push(
          ioError(
            'record/inconsistent',
            'proposals.json',
            formatPath(['proposals', i, 'events', j]),
            'the id of an event in events.json',
            JSON.stringify(id),
          ),
        );
      else linked.push(e);
    });
    const built = buildAgreement({ ...p, kind: 'proposal' }, knownSeries, lookupBase);
    if (!built.ok) {
      errors.push(...built.error.map((problem) => ruleError('proposals.json', ['proposals', i], problem)));
      return;
    }
    proposals.push({
      agreement: built.value.agreement,
      nameKo: p.name_ko,
      date: p.date,
      party: p.party,
      periodKnown: p.period_known,
      status: p.status,
      sources: p.sources,
      events: linked,
    });
  });

  if (errors.length > 0) return err(errors);
  return ok({
    agreements,
    proposals,
    indices: indexSetOf(series),
    indexSeries: series,
    events,
    context: contextFile.value.context,
  });
};

/**
 * Reads and validates data/record (or another directory with the same five files).
 * @example const record = loadRecord(); if (record.ok) record.value.agreements[11]?.agreement.rules
 */
export const loadRecord = (dir: string = DEFAULT_RECORD_DIR): Result<SmaRecord, IoError[]> => {
  const texts: Partial<Record<RecordFileName, string>> = {};
  const errors: IoError[] = [];
  for (const name of Object.keys(RECORD_FILES) as RecordFileName[]) {
    try {
      texts[name] = readFileSync(new URL(name, `file://${dir.endsWith('/') ? dir : `${dir}/`}`), 'utf8');
    } catch (e) {
      errors.push(
        ioError('record/unreadable', name, '(root)', 'a readable file', e instanceof Error ? e.message : String(e)),
      );
    }
  }
  if (errors.length > 0) return err(errors);
  return parseRecordFiles(texts as RecordTexts);
};
