/**
 * The cost of a lapse: the old SMA has expired and no new one is in force. Month by month from the expiry,
 * USFK's funds for Korean workers run out, a share is furloughed, a stopgap may pay them again, and each side's
 * reservation value falls. The 11th SMA's lapse clause (labor paid at the previous year's level) prevents the furlough.
 * Dates are civil `YYYY-MM-DD` strings handled as day numbers; no Date.
 */
import { err, ok, type Result } from '../result.js';
import { daysFromCivil, daysInMonth, formatCivilDate, parseCivilDate, type CivilDate } from './calendar.js';
import type { LapsePort, LapseStatus } from './ports.js';

/** How a side's reservation value falls: per month in lapse, and per month of the whole workforce furloughed. */
export interface ReservationCost {
  readonly perLapseMonth: number;
  readonly perFurloughedWorkforceMonth: number;
}

export interface LapseScenario {
  /** The last day the old agreement is in force, e.g. '2019-12-31'; the lapse starts the next day. */
  readonly expiry: string;
  /** Months to tabulate, from the month the lapse starts. */
  readonly months: number;
  /** The day a new agreement enters into force and the lapse ends, if it does within the horizon. */
  readonly newAgreementInForce: string | null;
  /** Korean USFK employees. */
  readonly workforce: number;
  /** Months of lapse USFK can still pay Korean workers from its own funds; the furlough starts the next month. */
  readonly fundedMonths: number;
  /** Workers furloughed when the funds run out. */
  readonly furloughed: number;
  /** Wage per worker per month, in won. */
  readonly monthlyWagePerWorker: number;
  /** The day furloughed workers return, paid by a stopgap outside the SMA (2020: ROK funding from 15 June). */
  readonly stopgapFrom: string | null;
  /** The 11th SMA's clause: during a lapse, labor costs are paid at the previous year's level, so no furlough. */
  readonly lapseClause: boolean;
  readonly reservationCost: { readonly rok: ReservationCost; readonly us: ReservationCost };
  /**
   * A side's cost from a date on (scenario.ts `periods[].lapseCost`), ascending: a month in lapse costs at the rate in
   * force on its first day in lapse. Absent or empty, `reservationCost` holds throughout.
   */
  readonly reservationCostFrom?: {
    readonly rok: readonly ReservationCostFrom[];
    readonly us: readonly ReservationCostFrom[];
  };
}

/** A side's lapse cost from a day on (`LapseScenario.reservationCostFrom`). */
export interface ReservationCostFrom {
  readonly from: CivilDate;
  readonly cost: ReservationCost;
}

/**
 * A side's cumulative drop, with a cost that may change by date: months in lapse and furloughed worker-months are
 * summed per cost in force, and each sum priced at its own rates (`reservationDrop`, the one formula; with one cost
 * the sums are the timeline's own, so the drop is bit for bit the single-rate one).
 */
class DropAccrual {
  private readonly costs: readonly ReservationCost[];
  private readonly froms: readonly number[];
  private readonly months: number[];
  private readonly workerMonths: number[];

  constructor(base: ReservationCost, from: readonly ReservationCostFrom[]) {
    this.costs = [base, ...from.map((c) => c.cost)];
    this.froms = from.map((c) => daysFromCivil(c.from));
    this.months = this.costs.map(() => 0);
    this.workerMonths = this.costs.map(() => 0);
  }

  add(day: number, months: number, workerMonths: number): void {
    let k = 0;
    for (const from of this.froms) if (from <= day) k++;
    this.months[k] = (this.months[k] as number) + months;
    this.workerMonths[k] = (this.workerMonths[k] as number) + workerMonths;
  }

  drop(workforce: number): number {
    let total = 0;
    this.costs.forEach((c, k) => {
      const d = reservationDrop(c, this.months[k] as number, this.workerMonths[k] as number, workforce);
      total = k === 0 ? d : total + d;
    });
    return total;
  }
}

export type LapsePhase = 'funded' | 'furlough' | 'stopgap' | 'paid_by_lapse_clause' | 'in_force';

export interface LapseMonth {
  /** 1 for the month the lapse starts. */
  readonly index: number;
  /** 'YYYY-MM'. */
  readonly month: string;
  /** On the month's first day in lapse (or 'in_force' when it has none). */
  readonly phase: LapsePhase;
  /** Share of the month's days in lapse. */
  readonly lapseShare: number;
  /** Cumulative months in lapse (partial months by their share of days). */
  readonly monthsInLapse: number;
  /** Workers on furlough at any time in the month. */
  readonly furloughedWorkers: number;
  /** Furloughed workers × share of the month's days they were furloughed. */
  readonly furloughedWorkerMonths: number;
  readonly cumulativeFurloughedWorkerMonths: number;
  /** Wages not paid this month, in won (rounded half up). */
  readonly unpaidWages: number;
  readonly cumulativeUnpaidWages: number;
  /** Cumulative fall in each side's reservation value (utility units), by `reservationDrop`. */
  readonly reservationDrop: { readonly rok: number; readonly us: number };
}

export type LapseError =
  | { readonly code: 'lapse/date_invalid'; readonly details: { readonly field: string; readonly value: string } }
  | { readonly code: 'lapse/parameter_invalid'; readonly details: { readonly field: string; readonly value: number } };

// ---------- civil dates ----------

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export { daysInMonth };

/** Days since 1970-01-01 in the proleptic Gregorian calendar: the calendar module's count, by parts. */
export const dayNumber = (year: number, month: number, day: number): number =>
  daysFromCivil(formatCivilDate(year, month, day));

function parseDate(field: string, value: string): Result<{ y: number; m: number; d: number }, LapseError> {
  const match = DATE.exec(value);
  const bad = err({ code: 'lapse/date_invalid', details: { field, value } } as const);
  if (!match) return bad;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return bad;
  return ok({ y, m, d });
}

/** The calendar month `offset` months after (year, month). */
const addMonths = (year: number, month: number, offset: number): { y: number; m: number } => {
  const k = year * 12 + (month - 1) + offset;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
};

const overlap = (a0: number, a1: number, b0: number, b1: number): number =>
  Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));

// ---------- the lapse ----------

/**
 * The documented reservation-value function: drop = perLapseMonth × months in lapse
 * + perFurloughedWorkforceMonth × (cumulative furloughed worker-months / workforce).
 */
export const reservationDrop = (
  cost: ReservationCost,
  monthsInLapse: number,
  cumulativeFurloughedWorkerMonths: number,
  workforce: number,
): number =>
  cost.perLapseMonth * monthsInLapse +
  (cost.perFurloughedWorkforceMonth * cumulativeFurloughedWorkerMonths) / workforce;

/**
 * The lapse month by month.
 * @example lapseTimeline(LAPSE_2020) // ok([{ index: 1, month: '2020-01', phase: 'funded', … }, …])
 */
export function lapseTimeline(s: LapseScenario): Result<readonly LapseMonth[], LapseError> {
  const badNumber = (field: string, value: number, valid: boolean): Result<never, LapseError> | null =>
    valid ? null : err({ code: 'lapse/parameter_invalid', details: { field, value } });
  const checks = [
    badNumber('months', s.months, Number.isInteger(s.months) && s.months >= 1),
    badNumber('workforce', s.workforce, Number.isInteger(s.workforce) && s.workforce >= 1),
    badNumber('fundedMonths', s.fundedMonths, Number.isInteger(s.fundedMonths) && s.fundedMonths >= 0),
    badNumber(
      'furloughed',
      s.furloughed,
      Number.isInteger(s.furloughed) && s.furloughed >= 0 && s.furloughed <= s.workforce,
    ),
    badNumber(
      'monthlyWagePerWorker',
      s.monthlyWagePerWorker,
      Number.isFinite(s.monthlyWagePerWorker) && s.monthlyWagePerWorker >= 0,
    ),
  ];
  const firstBad = checks.find((c) => c !== null);
  if (firstBad) return firstBad;

  const expiry = parseDate('expiry', s.expiry);
  if (!expiry.ok) return expiry;
  const lapseStart = dayNumber(expiry.value.y, expiry.value.m, expiry.value.d) + 1;
  let lapseEnd = Infinity;
  if (s.newAgreementInForce !== null) {
    const end = parseDate('newAgreementInForce', s.newAgreementInForce);
    if (!end.ok) return end;
    lapseEnd = dayNumber(end.value.y, end.value.m, end.value.d);
  }
  let stopgap = Infinity;
  if (s.stopgapFrom !== null) {
    const from = parseDate('stopgapFrom', s.stopgapFrom);
    if (!from.ok) return from;
    stopgap = dayNumber(from.value.y, from.value.m, from.value.d);
  }
  // the month the lapse starts (the day after expiry may be the 1st of the next month)
  const startMonth =
    expiry.value.d === daysInMonth(expiry.value.y, expiry.value.m)
      ? addMonths(expiry.value.y, expiry.value.m, 1)
      : { y: expiry.value.y, m: expiry.value.m };
  const furloughMonth = addMonths(startMonth.y, startMonth.m, s.fundedMonths);
  const furloughStart = s.lapseClause ? Infinity : dayNumber(furloughMonth.y, furloughMonth.m, 1);
  const furloughEnd = Math.min(stopgap, lapseEnd);

  const rows: LapseMonth[] = [];
  const accrual = {
    rok: new DropAccrual(s.reservationCost.rok, s.reservationCostFrom?.rok ?? []),
    us: new DropAccrual(s.reservationCost.us, s.reservationCostFrom?.us ?? []),
  };
  let monthsInLapse = 0;
  let cumulativeFurloughedWorkerMonths = 0;
  let cumulativeUnpaidWages = 0;
  for (let i = 0; i < s.months; i++) {
    const { y, m } = addMonths(startMonth.y, startMonth.m, i);
    const days = daysInMonth(y, m);
    const first = dayNumber(y, m, 1);
    const afterLast = first + days;
    const lapseDays = overlap(first, afterLast, lapseStart, lapseEnd);
    const furloughDays = overlap(first, afterLast, furloughStart, furloughEnd);
    const firstLapseDay = Math.max(first, lapseStart);
    const phase: LapsePhase =
      lapseDays === 0
        ? 'in_force'
        : s.lapseClause
          ? 'paid_by_lapse_clause'
          : firstLapseDay < furloughStart
            ? 'funded'
            : firstLapseDay < stopgap
              ? 'furlough'
              : 'stopgap';
    const furloughedWorkerMonths = (s.furloughed * furloughDays) / days;
    const unpaidWages = Math.round(furloughedWorkerMonths * s.monthlyWagePerWorker);
    monthsInLapse += lapseDays / days;
    cumulativeFurloughedWorkerMonths += furloughedWorkerMonths;
    accrual.rok.add(firstLapseDay, lapseDays / days, furloughedWorkerMonths);
    accrual.us.add(firstLapseDay, lapseDays / days, furloughedWorkerMonths);
    cumulativeUnpaidWages += unpaidWages;
    rows.push({
      index: i + 1,
      month: `${y}-${String(m).padStart(2, '0')}`,
      phase,
      lapseShare: lapseDays / days,
      monthsInLapse,
      furloughedWorkers: furloughDays > 0 ? s.furloughed : 0,
      furloughedWorkerMonths,
      cumulativeFurloughedWorkerMonths,
      unpaidWages,
      cumulativeUnpaidWages,
      reservationDrop: { rok: accrual.rok.drop(s.workforce), us: accrual.us.drop(s.workforce) },
    });
  }
  return ok(rows);
}

const NO_LAPSE: LapseStatus = {
  monthsInLapse: 0,
  furloughedWorkers: 0,
  furloughedWorkerMonths: 0,
  reservationShift: [0, 0],
};

/**
 * The lapse model as the negotiation reads it: on a date, the calendar months begun since the expiry and the
 * timeline's cumulative furloughed worker-months and reservation drops through the current month (a month counts
 * once begun). The timeline is extended as far as a date asks, so a role-play table extended past the scenario's
 * calendar keeps accruing. Party 0 is the US, party 1 the ROK. Throws on a model `lapseTimeline` rejects (scenarios
 * are validated when loaded).
 * @example lapsePort(LAPSE_2020)?.on('2021-03-05') // { monthsInLapse: 15, furloughedWorkerMonths: 9866.67, … }
 */
export function lapsePort(model: LapseScenario | null): LapsePort | undefined {
  if (model === null) return undefined;
  const start = parseCivilDate(model.expiry);
  // the month the lapse starts: the expiry's, unless the expiry is the month's last day
  const startIndex = start.year * 12 + start.month - 1 + (start.day === daysInMonth(start.year, start.month) ? 1 : 0);
  let rows: readonly LapseMonth[] = [];
  const byDate = new Map<CivilDate, LapseStatus>();
  const monthRow = (k: number): LapseMonth => {
    if (k > rows.length) {
      const table = lapseTimeline({ ...model, months: Math.max(k, 2 * rows.length, 24) });
      if (!table.ok) throw new Error(`lapse model: ${table.error.code} ${JSON.stringify(table.error.details)}`);
      rows = table.value;
    }
    return rows[k - 1] as LapseMonth;
  };
  return {
    expiry: model.expiry,
    on(date) {
      let status = byDate.get(date);
      if (status === undefined) {
        if (date <= model.expiry) status = NO_LAPSE;
        else {
          const d = parseCivilDate(date);
          const k = d.year * 12 + d.month - 1 - startIndex + 1;
          const row = monthRow(k);
          status = {
            monthsInLapse: k,
            furloughedWorkers: row.furloughedWorkers,
            furloughedWorkerMonths: row.cumulativeFurloughedWorkerMonths,
            reservationShift: [-row.reservationDrop.us, -row.reservationDrop.rok],
          };
        }
        byDate.set(date, status);
      }
      return status;
    },
  };
}

/**
 * A lapse that only costs time: each month in lapse lowers party 0's (US) and party 1's (ROK) reservation value by
 * the given amounts, with no furlough (for negotiations without a workforce, e.g. a tournament's SMA profile).
 * @example lapsePort(timeOnlyLapse('2019-12-31', [0.01, 0.02]))?.on('2020-02-01').reservationShift // [-0.02, -0.04]
 */
export const timeOnlyLapse = (expiry: CivilDate, perLapseMonth: readonly [number, number]): LapseScenario => ({
  expiry,
  months: 24,
  newAgreementInForce: null,
  workforce: 1,
  fundedMonths: 0,
  furloughed: 0,
  monthlyWagePerWorker: 0,
  stopgapFrom: null,
  lapseClause: false,
  reservationCost: {
    us: { perLapseMonth: perLapseMonth[0], perFurloughedWorkforceMonth: 0 },
    rok: { perLapseMonth: perLapseMonth[1], perFurloughedWorkforceMonth: 0 },
  },
});

/** Default reservation costs (assumptions, docs/bargaining.md): the ROK bears its workers' furlough more than the US. */
export const DEFAULT_RESERVATION_COST: LapseScenario['reservationCost'] = {
  rok: { perLapseMonth: 0.005, perFurloughedWorkforceMonth: 0.1 },
  us: { perLapseMonth: 0.005, perFurloughedWorkforceMonth: 0.05 },
};

/**
 * The 2020 lapse as recorded (context.json, events.json): the 10th SMA expired 2019-12-31; the furlough began
 * 1 April 2020 (three funded months) for about 4,000 of about 9,000 workers (context furlough_2020: "about 4,000"
 * is the figure reported when it began; 4,000–5,000 the range) and ended when they returned on 15 June under ROK
 * stopgap funding; the 11th SMA entered into force on 1 September 2021.
 * The wage is an assumption: the 3,144억 won the ROK paid for 2020 labor spread over 9,000 workers for April–December.
 */
export const LAPSE_2020: LapseScenario = {
  expiry: '2019-12-31',
  months: 21,
  newAgreementInForce: '2021-09-01',
  workforce: 9000,
  fundedMonths: 3,
  furloughed: 4000,
  monthlyWagePerWorker: Math.round(314_400_000_000 / (9000 * 9)),
  stopgapFrom: '2020-06-15',
  lapseClause: false,
  reservationCost: DEFAULT_RESERVATION_COST,
};
