/** Reading and writing bilateral domains in the three exchange formats, chosen by file extension. */
import type { BilateralDomain } from '../../engine/domains/model.js';
import { err, ok, type Result } from '../../engine/result.js';
import { ruleProblem } from '../../i18n/problems.js';
import type { NamedBytes } from './common.js';
import { domainFileError, type DomainFileError } from './errors.js';
import { readGeniusFiles, writeGeniusDomain, writeGeniusProfile } from './genius-xml.js';
import { readGeniusWebFiles, writeGeniusWebProfile } from './geniusweb-json.js';
import { readNegmasYaml, writeNegmasYaml } from './negmas-yaml.js';

export type { NamedBytes } from './common.js';
export type { DomainFileError, DomainFileErrorCode } from './errors.js';

export type DomainFormat = 'genius' | 'geniusweb' | 'negmas';
export const DOMAIN_FORMATS: readonly DomainFormat[] = ['genius', 'geniusweb', 'negmas'];

/** .xml → Genius, .json → GeniusWeb, .yaml/.yml → NegMAS. */
export function formatOf(fileName: string): DomainFormat | null {
  if (/\.xml$/i.test(fileName)) return 'genius';
  if (/\.json$/i.test(fileName)) return 'geniusweb';
  if (/\.ya?ml$/i.test(fileName)) return 'negmas';
  return null;
}

/**
 * One bilateral domain from its files: Genius [domain.xml,] a.xml, b.xml; GeniusWeb a.json, b.json; NegMAS one .yaml.
 * @example readDomainFiles([{ name: 'laptop.yaml', bytes }]) // ok(BilateralDomain) or every problem found
 */
export function readDomainFiles(files: readonly NamedBytes[]): Result<BilateralDomain, DomainFileError[]> {
  const formats = new Set(files.map((f) => formatOf(f.name)));
  const format = formats.size === 1 ? [...formats][0] : undefined;
  const names = files.map((f) => f.name).join(', ') || '(no files)';
  if (format === undefined || format === null)
    return err([
      domainFileError(
        'domain/files',
        names,
        '(root)',
        ruleProblem('one_format'),
        files.length === 0 ? 'no files' : [...formats].map((f) => f ?? 'an unknown extension').join(' and '),
      ),
    ]);
  if (format === 'genius') return readGeniusFiles(files);
  if (format === 'geniusweb') return readGeniusWebFiles(files);
  if (files.length !== 1)
    return err([
      domainFileError(
        'domain/files',
        names,
        '(root)',
        ruleProblem('negmas_files'),
        `${files.length} files`,
        undefined,
        files.length,
      ),
    ]);
  return readNegmasYaml(files[0] as NamedBytes);
}

export interface WrittenFile {
  readonly name: string;
  readonly text: string;
}

const safe = (s: string): string => s.replace(/[^\w.-]+/g, '_') || 'domain';

/** Writes a domain in a format: the files `readDomainFiles` reads back (in that order). */
export function writeDomainFiles(d: BilateralDomain, format: DomainFormat): Result<WrittenFile[], DomainFileError[]> {
  const [a, b] = d.profiles.map((p) => safe(p.name));
  const distinct = a === b ? [`${a}-a`, `${b}-b`] : [a, b];
  const profileName = (p: 0 | 1, ext: string) => `${distinct[p]}${ext}`;
  const collect = (parts: [string, Result<string, DomainFileError[]>][]): Result<WrittenFile[], DomainFileError[]> => {
    const problems = parts.flatMap(([, r]) => (r.ok ? [] : r.error));
    if (problems.length > 0) return err(problems);
    return ok(parts.map(([name, r]) => ({ name, text: r.ok ? r.value : '' })));
  };
  switch (format) {
    case 'genius':
      return collect([
        [`${safe(d.name)}-domain.xml`, writeGeniusDomain(d)],
        [profileName(0, '.xml'), writeGeniusProfile(d, 0)],
        [profileName(1, '.xml'), writeGeniusProfile(d, 1)],
      ]);
    case 'geniusweb':
      return collect([
        [profileName(0, '.json'), writeGeniusWebProfile(d, 0)],
        [profileName(1, '.json'), writeGeniusWebProfile(d, 1)],
      ]);
    case 'negmas':
      return collect([[`${safe(d.name)}.yaml`, writeNegmasYaml(d)]]);
  }
}
