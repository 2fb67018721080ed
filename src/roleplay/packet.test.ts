// The case packets of the bundled talks, rendered in both languages: every printed number is compared with the
// scenario file and the record as read here independently (raw YAML and JSON), and none is empty or contradictory.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { packetMarkdown, type CasePacket } from '../engine/roleplay/packet.js';
import { eventTypeLabel } from '../i18n/labels.js';
import { loadPacket } from './packet.js';

interface RawEvent {
  id: string;
  sma: number;
  date_start: string;
  type: string;
  round: number | null;
}
interface RawAgreement {
  id: string;
  ordinal: number;
  dates: { concluded: { value: string | null } };
  yearly_amounts: { year: number; krw: number | null }[];
}
const events = (JSON.parse(readFileSync('data/record/events.json', 'utf8')) as { events: RawEvent[] }).events;
const agreements = (JSON.parse(readFileSync('data/record/agreements.json', 'utf8')) as { agreements: RawAgreement[] })
  .agreements;
interface RawPoll {
  fieldwork: string;
  results: Record<string, number>;
  sources: { url: string; title: string }[];
}
const polls = (JSON.parse(readFileSync('data/record/context.json', 'utf8')) as { context: { polls: RawPoll[] } })
  .context.polls;
const rawScenario = (id: string) =>
  parse(readFileSync(`data/scenarios/${id}.yaml`, 'utf8'), { schema: 'core' }) as {
    base: { year: number; amount: number };
    lapse: { expiry: string; workforce: number; monthsUntilFurlough: number; furloughedShare: number } | null;
    ratification: { rok: { from: string; seats: number; blocs: { party: string; seats: number }[] }[] | null };
    realOutcome: { concluded: string; outcome: Record<string, number | string> } | null;
  };

const packet = (id: string, lang: 'en' | 'ko'): CasePacket => {
  const p = loadPacket(id, lang);
  if (!p.ok) throw new Error(JSON.stringify(p.error).slice(0, 500));
  return p.value;
};
const figure = (p: CasePacket, key: string) => {
  const f = p.figures.find((x) => x.key === key);
  if (f === undefined) throw new Error(`no figure ${key} in ${p.scenarioId} (${p.lang})`);
  return f;
};
// YAML dates come back as strings with the core schema.
const iso = (d: unknown): string => String(d);

describe.each(['sma-10-talks', 'sma-11-talks', 'sma-12-talks', 'sma-13-talks'])('case packet %s', (id) => {
  const en = packet(id, 'en');
  const ko = packet(id, 'ko');
  const raw = rawScenario(id);
  const ordinal = Number(/^sma-(\d+)-talks$/.exec(id)?.[1]);

  it.each([en, ko])('prints every figure, none empty, each with a source ($lang)', (p) => {
    const md = packetMarkdown(p);
    expect(md).not.toMatch(/NaN|undefined|null|Infinity|\[object/);
    expect(p.figures.length).toBeGreaterThan(20);
    for (const f of p.figures) {
      expect(f.text.trim(), f.key).not.toBe('');
      expect(f.source.trim(), f.key).not.toBe('');
      if (typeof f.value === 'number') expect(Number.isFinite(f.value), f.key).toBe(true);
      expect(md, f.key).toContain(f.text);
    }
    for (const s of [p.general, p.confidential.us, p.confidential.rok, p.scoring.us, p.scoring.rok, p.teaching])
      expect(s.paragraphs.every((x) => x.trim().length > 0)).toBe(true);
  });

  it('never gives one figure two values, within a language or across the two', () => {
    const seen = new Map<string, number | string>();
    for (const f of [...en.figures, ...ko.figures]) {
      if (seen.has(f.key)) expect(f.value, f.key).toBe(seen.get(f.key));
      seen.set(f.key, f.value);
    }
    expect(new Set(en.figures.map((f) => f.key))).toEqual(new Set(ko.figures.map((f) => f.key)));
  });

  it('has the base amount, the published amounts and the dates of the record', () => {
    expect(figure(en, 'base.amount').value).toBe(raw.base.amount);
    for (const a of agreements.filter((x) => x.ordinal === ordinal || x.ordinal === ordinal - 1))
      for (const y of a.yearly_amounts)
        if (y.krw !== null) expect(figure(ko, `published.${y.year}`).value, `${a.id} ${y.year}`).toBe(y.krw);
    const mine = events.filter((e) => e.sma === ordinal);
    for (const e of mine) expect(figure(en, `event.${e.id}`).value).toBe(e.date_start);
    expect(figure(en, 'record.rounds').value).toBe(mine.filter((e) => e.type === 'round').length);
  });

  it('has the lapse rules and the Assembly of the scenario', () => {
    if (raw.lapse !== null) {
      expect(figure(en, 'lapse.expiry').value).toBe(iso(raw.lapse.expiry));
      expect(figure(ko, 'lapse.workforce').value).toBe(raw.lapse.workforce);
      expect(figure(ko, 'lapse.monthsUntilFurlough').value).toBe(raw.lapse.monthsUntilFurlough);
      expect(figure(ko, 'lapse.furloughedShare').value).toBe(raw.lapse.furloughedShare);
      // Before the furlough begins no worker-month is lost.
      expect(figure(en, `lapse.${raw.lapse.monthsUntilFurlough}.workerMonths`).value).toBe(0);
    }
    const assemblies = raw.ratification.rok;
    if (assemblies !== null) {
      const first = figure(en, 'first.round').value as string;
      const sitting = assemblies.filter((a) => iso(a.from) <= first).at(-1) ?? assemblies[0];
      const registered = sitting!.blocs.reduce((s, b) => s + b.seats, 0);
      expect(figure(en, 'assembly.seats').value).toBe(sitting!.seats);
      // Majority quorum and majority of those present, by brute force over the counts.
      expect(figure(en, 'assembly.quorum').value).toBe(Math.floor(registered / 2) + 1);
      expect(figure(ko, 'assembly.yesAtFull').value).toBe(Math.floor(registered / 2) + 1);
      for (const b of sitting!.blocs) expect(figure(ko, `assembly.bloc.${b.party}`).value).toBe(b.seats);
    }
  });

  it('tells what really happened as the scenario and the record say', () => {
    if (raw.realOutcome === null) {
      expect(en.figures.some((f) => f.key.startsWith('real.'))).toBe(false);
      expect(en.teaching.paragraphs.join(' ')).toContain('still to come');
      expect(ko.teaching.paragraphs.join(' ')).toContain('앞으로의 협상');
      return;
    }
    expect(figure(en, 'real.concluded').value).toBe(iso(raw.realOutcome.concluded));
    expect(figure(en, 'real.first-year-change').value).toBe(raw.realOutcome.outcome['first-year-change']);
    const recorded = agreements.find((a) => a.ordinal === ordinal)?.dates.concluded.value;
    expect(figure(ko, 'record.concluded').value).toBe(recorded);
  });
});

describe('the 11th talks packet against published figures', () => {
  const en = packet('sma-11-talks', 'en');
  const ko = packet('sma-11-talks', 'ko');

  it('gives the real outcome +13.9 %, concluded 2021-03-07 after the last round of 2021-03-05', () => {
    expect(figure(en, 'real.first-year-change')).toMatchObject({ value: 0.139, text: '+13.9 %' });
    expect(figure(ko, 'real.first-year-change').text).toBe('+13.9%');
    expect(figure(en, 'real.concluded').value).toBe('2021-03-07');
    expect(figure(en, 'record.concluded').value).toBe('2021-03-07');
    expect(figure(en, 'record.lastRound').value).toBe('2021-03-05');
    expect(figure(ko, 'real.concluded').text).toBe('2021년 3월 7일');
    expect(figure(en, 'record.rounds').value).toBe(9);
  });

  it('names each event as the web’s timeline and `sma data events` do (one set of words, the glossary’s terms)', () => {
    const story = (p: CasePacket) => new Map(p.general.tables[0]!.rows.map((r) => [r[2], r[1]]));
    const [enStory, koStory] = [story(en), story(ko)];
    for (const e of events.filter((x) => x.sma === 11)) {
      expect(enStory.get(e.id)?.startsWith(eventTypeLabel(e.type, e.round, 'en')), e.id).toBe(true);
      expect(koStory.get(e.id)?.startsWith(eventTypeLabel(e.type, e.round, 'ko')), e.id).toBe(true);
    }
    // The record's own words for the 2019-08-20 talk before the talks (label_ko "… 사전 협의"; KBS: "pre-negotiation
    // consultation"); the glossary keeps 회의 for the formal rounds.
    expect(koStory.get('sma11-2019-08-20-preparatory')).toBe('사전 협의 (서울)');
    expect(eventTypeLabel('preparatory', null, 'ko')).toBe('사전 협의');
    // Glossary: ratification consent by the National Assembly = 국회 비준 동의; the Foreign Affairs and Unification
    // Committee = 외교통일위원회 (it voted in 2021, tabled in 2024: the type names the body, not the act).
    expect(koStory.get('sma11-2021-08-31-ratification')).toBe('국회 비준 동의');
    expect(koStory.get('sma11-2021-08-23-committee')).toBe('외교통일위원회');
    expect(koStory.get('sma11-2021-03-05-round')).toBe('제9차 회의 (워싱턴 D.C.)');
    expect(enStory.get('sma11-2021-03-05-round')).toBe('Round 9 (Washington, D.C.)');
  });

  it('prints the published amounts in won and in 조/억', () => {
    expect(figure(en, 'published.2021').text).toBe('1,183,300,000,000 won');
    expect(figure(ko, 'published.2021').text).toBe('1조 1,833억 원');
    expect(figure(ko, 'base.amount').text).toBe('1조 389억 원');
  });

  it('prices the 2020 lapse: 3,996 furloughed from April, stopped by the 15 June stopgap, prorated by day', () => {
    // 9,000 workers × 0.444 (about 4,000) furloughed from the 4th month (April 2020) until 15 June, prorated by day
    // (lapse.ts): April and May whole, 14 of June's 30 days: 3,996 × (2 + 14/30) = 9,856.8 worker-months.
    expect(figure(en, 'lapse.4.date').value).toBe('2020-04-01');
    expect(figure(en, 'lapse.4.workerMonths').value).toBe(3996);
    expect(figure(en, 'lapse.6.workerMonths').value).toBeCloseTo(9856.8, 9);
    expect(figure(en, 'lapse.9.workerMonths').value).toBeCloseTo(9856.8, 9);
    expect(figure(en, 'lapse.6.wages').value).toBeCloseTo(9856.8 * 3881481, 3);
  });

  it('scores +13.9 % as the preferences say, to one decimal, for a paper sheet', () => {
    // ROK: 100 × 0.8 × (1 − 0.139) = 68.88; US: 100 × 0.8 × 0.139 / 4.7 = 2.366.
    expect(figure(en, 'rok.score.first-year-change.0.139').value).toBe(68.9);
    expect(figure(en, 'us.score.first-year-change.0.139').value).toBe(2.4);
    // Term: ROK increasing over 1–6 years, weight 0.1: 5 years = 100 × 0.1 × 4/5 = 8.
    expect(figure(ko, 'rok.score.duration.5').value).toBe(8);
    expect(figure(ko, 'rok.reservation').value).toBe(97); // 100 × 0.972, to a whole point
  });
});

describe('the public in the ROK brief', () => {
  // The polls of context.json by fieldwork: [0] Chicago Council, Dec 2019; [1] its June 2020 follow-up; [2] RealMeter,
  // late January 2019. The 11th talks ran 2019-09 to 2021-03, the 10th 2018-03 to 2019-02; none fell in the 12th's.
  const pollKeys = (p: CasePacket) =>
    new Set(p.figures.filter((f) => f.key.startsWith('poll.')).map((f) => f.key.split('.')[1]));

  it('quotes the polls taken during the talks, each figure as the record has it, with its source', () => {
    const en = packet('sma-11-talks', 'en');
    const ko = packet('sma-11-talks', 'ko');
    expect(pollKeys(en)).toEqual(new Set(['0', '1']));
    expect(pollKeys(packet('sma-10-talks', 'en'))).toEqual(new Set(['2']));
    expect(figure(en, 'poll.0.negotiate_lower_than_us_proposal')).toMatchObject({ value: 0.68, text: '68 %' });
    expect(figure(ko, 'poll.0.accept_us_demand')).toMatchObject({ value: 0.04, text: '4%' });
    for (const f of en.figures.filter((x) => x.key.startsWith('poll.'))) {
      const [, i, key] = f.key.split('.');
      const poll = polls[Number(i)]!;
      expect(f.value, f.key).toBe(poll.results[key!]);
      expect(f.source).toContain(poll.sources[0]!.url);
    }
    const rokTables = ko.confidential.rok.tables.flatMap((t) => t.rows.map((r) => r.join(' | ')));
    expect(rokTables.some((r) => r.includes('한미동맹 지지') && r.includes('92%'))).toBe(true);
    // The US brief quotes no Korean poll.
    expect(en.confidential.us.tables.flatMap((t) => t.rows).some((r) => r.join(' ').includes('%'))).toBe(false);
  });

  it('says so when no poll was taken during the talks', () => {
    expect(pollKeys(packet('sma-12-talks', 'en')).size).toBe(0);
    expect(packet('sma-12-talks', 'en').confidential.rok.paragraphs.join(' ')).toContain(
      'no poll taken during these talks',
    );
    expect(packet('sma-12-talks', 'ko').confidential.rok.paragraphs.join(' ')).toContain('여론조사는 기록에 없습니다');
  });

  it('titles the packet with the talks’ Korean name in Korean', () => {
    expect(packet('sma-11-talks', 'ko').title).toBe('사례 패킷 — 제11차 방위비분담특별협정 협상 (2019–2021)');
    expect(packet('sma-11-talks', 'en').title).toBe('Case packet — 11th SMA talks (2019–2021)');
  });
});
