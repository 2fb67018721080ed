import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BilateralDomain } from '../../engine/domains/model.js';
import { profileReservation } from '../../engine/domains/model.js';
import { randomBilateralDomain } from '../../engine/domains/random-domain.js';
import { domainStats } from '../../engine/domains/stats.js';
import { enumerateOutcomes } from '../../engine/negotiation/domain.js';
import { utility } from '../../engine/negotiation/preferences.js';
import { createRng } from '../../engine/random/rng.js';
import { placedProblemText } from '../../i18n/problems.js';
import { DOMAIN_FORMATS, readDomainFiles, writeDomainFiles, type NamedBytes } from './index.js';

const LAPTOP = join(import.meta.dirname, '../../../test/fixtures/domains/laptop');
const file = (name: string, text: string): NamedBytes => ({ name, bytes: new TextEncoder().encode(text) });
const fixture = (name: string): NamedBytes => ({ name, bytes: readFileSync(join(LAPTOP, name)) });
const laptopFiles = () => ['laptop_domain.xml', 'laptop_buyer_utility.xml', 'laptop_seller_utility.xml'].map(fixture);

const readOk = (files: readonly NamedBytes[]): BilateralDomain => {
  const r = readDomainFiles(files);
  if (!r.ok) throw new Error(r.error.map((e) => e.message).join('\n'));
  return r.value;
};

/** Both parties' utility of every outcome, and each reservation value. */
const utilitiesOf = (d: BilateralDomain) => ({
  issues: d.domain.issues,
  utilities: [...enumerateOutcomes(d.domain)].map((o) => d.profiles.map((p) => utility(d.domain, p.preferences, o))),
  reservations: d.profiles.map((p) => profileReservation(d.domain, p)),
  discounts: d.profiles.map((p) => p.timeDiscount),
});

const roundTrip = (d: BilateralDomain, format: (typeof DOMAIN_FORMATS)[number]): BilateralDomain => {
  const written = writeDomainFiles(d, format);
  if (!written.ok) throw new Error(written.error.map((e) => e.message).join('\n'));
  return readOk(written.value.map((w) => file(w.name, w.text)));
};

const expectSame = (a: BilateralDomain, b: BilateralDomain) => {
  const x = utilitiesOf(a);
  const y = utilitiesOf(b);
  expect(y.issues).toEqual(x.issues);
  y.reservations.forEach((r, k) => expect(r).toBeCloseTo(x.reservations[k]!, 14));
  expect(y.discounts).toEqual(x.discounts);
  y.utilities.forEach((u, k) => {
    expect(u[0]).toBeCloseTo(x.utilities[k]![0]!, 14);
    expect(u[1]).toBeCloseTo(x.utilities[k]![1]!, 14);
  });
};

describe('Genius XML', () => {
  it('reads the ANAC 2011 Laptop domain: evaluations divided by the issue maximum, discount and reservation kept', () => {
    const d = readOk(laptopFiles());
    expect(d.name).toBe('LaptopDomain');
    expect(d.domain.issues.map((i) => i.name)).toEqual(['Laptop', 'Harddisk', 'External Monitor']);
    const buyer = d.profiles[0].preferences;
    // laptop_buyer_utility.xml: Dell 12, Macintosh 20, HP 30 → 12/30, 20/30, 30/30.
    expect(buyer.values['Laptop']).toEqual({ kind: 'table', values: { Dell: 0.4, Macintosh: 20 / 30, HP: 1 } });
    // The file's weights sum to 1.000051804171754; they are divided by that sum.
    const sum = 0.4452125771655631 + 0.37808251708013424 + 0.1767567099260568;
    expect(buyer.weights['Laptop']).toBe(0.4452125771655631 / sum);
    expect(Object.values(buyer.weights).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(d.profiles[0].timeDiscount).toBe(0.42441038);
    expect(profileReservation(d.domain, d.profiles[1])).toBe(0);
  });

  it('reads an integer issue with slope and offset, clamped to [0, 1] as Genius does', () => {
    const domain = `<negotiation_template><utility_space><objective index="0" name="int">
      <issue index="1" name="price" etype="integer" type="integer"><range lowerbound="-5" upperbound="5"/></issue>
    </objective></utility_space></negotiation_template>`;
    const profile = (slope: string, offset: string) => `<utility_space><objective index="0" name="int">
      <issue index="1" name="price" etype="integer" type="integer"><range lowerbound="-5" upperbound="5"/>
      <evaluator ftype="linear" slope="${slope}" offset="${offset}"/></issue>
      <weight index="1" value="1"/></objective><reservation value="0.25"/></utility_space>`;
    const d = readOk([
      file('d.xml', domain),
      file('a.xml', profile('0.1', '0.0')),
      file('b.xml', profile('-0.2', '1.5')),
    ]);
    expect(d.domain.issues[0]).toEqual({ kind: 'numeric', name: 'price', min: -5, max: 5, step: 1, unit: '' });
    // a: 0.1·(x + 5) runs 0 → 1: the engine's linear increasing function.
    expect(d.profiles[0].preferences.values['price']).toEqual({ kind: 'linear', direction: 'increasing' });
    // b: 1.5 − 0.2·(x + 5): 1.5 at −5 (clamped to 1), 0.5 at 0, −0.5 at 5 (clamped to 0).
    const u = (x: number) => utility(d.domain, d.profiles[1].preferences, { price: x });
    expect([u(-5), u(-3), u(0), u(5)]).toEqual([1, 1, 0.5, 0]);
    expect(profileReservation(d.domain, d.profiles[1])).toBe(0.25);
  });

  it('names the file, the field and what was expected for a bad profile', () => {
    const text = readFileSync(join(LAPTOP, 'laptop_buyer_utility.xml'), 'utf8').replace(
      'evaluation="20" />',
      'evaluation="lots" />',
    );
    const r = readDomainFiles([
      fixture('laptop_domain.xml'),
      file('bad.xml', text),
      fixture('laptop_seller_utility.xml'),
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error[0]).toMatchObject({
      code: 'domain/invalid_field',
      file: 'bad.xml',
      path: 'utility_space.objective[0].issue[0].item[1].evaluation',
      problem: { code: 'invalid_type', params: { expected: 'number' } },
      expected: 'a number',
      found: '"lots"',
      value: 'lots',
      message: 'bad.xml: utility_space.objective[0].issue[0].item[1].evaluation: expected a number, found "lots"',
    });
    expect(placedProblemText(r.error[0]!, 'ko')).toBe(
      'bad.xml: utility_space.objective[0].issue[0].item[1].evaluation: 숫자여야 합니다 (입력: "lots")',
    );
  });

  it('reports a profile whose issues do not match the domain', () => {
    const text = readFileSync(join(LAPTOP, 'laptop_seller_utility.xml'), 'utf8').replace(/HP/g, 'Lenovo');
    const r = readDomainFiles([
      fixture('laptop_domain.xml'),
      fixture('laptop_buyer_utility.xml'),
      file('seller.xml', text),
    ]);
    const e = r.ok ? null : r.error[0];
    expect(e).toMatchObject({
      code: 'domain/mismatch',
      file: 'seller.xml',
      path: 'utility_space.objective[0].Laptop',
      problem: {
        code: 'custom',
        params: { rule: 'domain_values', issue: 'Laptop', values: ['Dell', 'Macintosh', 'HP'] },
      },
      expected: "the domain's values of Laptop (Dell, Macintosh, HP)",
      found: 'Dell, Macintosh, Lenovo',
    });
    expect(placedProblemText(e!, 'ko')).toBe(
      'seller.xml: utility_space.objective[0].Laptop: 도메인에 있는 Laptop의 값(Dell, Macintosh, HP)과 같아야 합니다 ' +
        '(입력: "Dell, Macintosh, Lenovo")',
    );
  });

  it('reports XML syntax errors with their line', () => {
    const r = readDomainFiles([file('a.xml', '<utility_space>\n<objective>\n</utility_space>'), file('b.xml', '<x/>')]);
    const e = r.ok ? null : r.error[0];
    expect(e).toMatchObject({ code: 'domain/syntax', file: 'a.xml', line: 3, expected: 'well-formed XML' });
    // The parser's own words (English) are left out in Korean; the place and the rule remain.
    expect(placedProblemText(e!, 'ko')).toBe(`a.xml:3:${e!.column}: (root): 올바른 형식의 XML이어야 합니다`);
  });
});

describe('GeniusWeb JSON', () => {
  const profile = (spelling: 'discreteutils' | 'DiscreteValueSetUtilities', weights: string, bid = 'null') => `{
    "LinearAdditiveUtilitySpace": {
      "domain": { "name": "jobs", "issuesValues": {
        "salary": { "values": ["2000", "3000", "4000"] },
        "fte": { "range": { "low": "0.6", "high": "1.0", "step": "0.2" } } } },
      "name": "jobs1",
      "issueUtilities": {
        "salary": { "${spelling}": { "valueUtilities": { "2000": 0, "3000": 0.3, "4000": 1 } } },
        "fte": { "numberutils": { "lowValue": 0.6, "lowUtility": 0.25, "highValue": 1.0, "highUtility": 0.75 } } },
      "issueWeights": ${weights},
      "reservationBid": ${bid} } }`;

  it('reads both spellings of value-set utilities, number ranges and a reservation bid', () => {
    const d = readOk([
      file('a.json', profile('discreteutils', '{ "salary": 0.6, "fte": 0.4 }')),
      file(
        'b.json',
        profile(
          'DiscreteValueSetUtilities',
          '{ "salary": 0.5, "fte": 0.5 }',
          '{ "issuevalues": { "salary": "3000", "fte": 0.8 } }',
        ),
      ),
    ]);
    expect(d.domain.issues[1]).toEqual({ kind: 'numeric', name: 'fte', min: 0.6, max: 1, step: 0.2, unit: '' });
    // 0.6·1 + 0.4·(0.25 + 0.5·(0.8 − 0.6)/0.4) = 0.6 + 0.4·0.5 = 0.8
    expect(utility(d.domain, d.profiles[0].preferences, { salary: '4000', fte: 0.8 })).toBeCloseTo(0.8, 15);
    // The reservation bid's utility: 0.5·0.3 + 0.5·0.5 = 0.4.
    expect(profileReservation(d.domain, d.profiles[1])).toBeCloseTo(0.4, 15);
  });

  it('reports weights that do not sum to 1, at the weights field with its line', () => {
    const r = readDomainFiles([
      file('a.json', profile('discreteutils', '{ "salary": 0.6, "fte": 0.6 }')),
      file('b.json', profile('discreteutils', '{ "salary": 0.5, "fte": 0.5 }')),
    ]);
    const e = r.ok ? null : r.error[0];
    expect(e).toMatchObject({
      code: 'domain/invalid_field',
      file: 'a.json',
      path: 'LinearAdditiveUtilitySpace.issueWeights',
      expected: 'weights summing to 1 (± 0.001)',
      found: 'a sum of 1.2',
      line: 10,
    });
    expect(placedProblemText(e!, 'ko')).toBe(
      `a.json:10:${e!.column}: LinearAdditiveUtilitySpace.issueWeights: 가중치의 합이 1(± 0.001)이어야 합니다 (입력: 1.2)`,
    );
  });
});

describe('round trips', () => {
  it.each(DOMAIN_FORMATS)('the Laptop domain through %s and back has the same utilities', (format) => {
    const laptop = readOk(laptopFiles());
    // GeniusWeb states reservations as bids: a reservation value of 0 is written as no bid; the discount is lost.
    const d =
      format === 'geniusweb'
        ? {
            ...laptop,
            profiles: laptop.profiles.map(({ timeDiscount: _, ...p }) => p) as unknown as BilateralDomain['profiles'],
          }
        : laptop;
    expectSame(d, roundTrip(d, format));
    expect(domainStats(roundTrip(d, format)).nash.outcome).toEqual(domainStats(d).nash.outcome);
  });

  it.each(['genius', 'negmas'] as const)('50 random domains (categorical and integer issues) through %s', (format) => {
    for (let seed = 1; seed <= 50; seed++) {
      const d = randomBilateralDomain(createRng(seed));
      expectSame(d, roundTrip(d, format));
    }
  });

  it('50 random domains through GeniusWeb (reservations as bids)', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const d = randomBilateralDomain(createRng(seed));
      const first = [...enumerateOutcomes(d.domain)][0]!;
      const withBids: BilateralDomain = {
        ...d,
        profiles: d.profiles.map((p) => ({
          ...p,
          preferences: { ...p.preferences, reservation: { kind: 'constant', value: 0 } },
          reservationBid: first,
        })) as unknown as BilateralDomain['profiles'],
      };
      expectSame(withBids, roundTrip(withBids, 'geniusweb'));
    }
  });

  it('refuses to write what a format cannot say, naming the field', () => {
    const d = randomBilateralDomain(createRng(3));
    const r = writeDomainFiles(d, 'geniusweb');
    expect(r.ok ? null : r.error[0]).toMatchObject({
      code: 'domain/not_representable',
      path: 'reservation',
      expected: 'a reservation bid or a reservation value of 0 (GeniusWeb states reservations as bids)',
    });
  });
});
