/**
 * Civil-date arithmetic on `YYYY-MM-DD` strings without Date (the engine takes no clock),
 * and the mapping from negotiation rounds to calendar dates.
 */

export type CivilDate = string;

/**
 * A session of talks on a dated calendar: one day (`YYYY-MM-DD`), or its first and last days as an ISO 8601 interval
 * (`2024-10-01/2024-10-02`) when it sat several. A round begins on the first day (the date actors, lapse and offers
 * are read on) and a deal struck in it is dated on the last: the record dates a deal struck in a session on the
 * session's last day (the 11th SMA's on 7 March 2021, round 9 of 5–7 March; the 12th's on 2 October 2024, the extra
 * session of 1–2 October).
 */
export type Session = string;

export type RoundCalendar =
  /** One round a month on the start date's day of month (clamped to the month's end), each one day. */
  | { readonly kind: 'monthly'; readonly start: CivilDate }
  /** The real schedule: round r sits in the session dates[r]; later rounds follow monthly after the last one's first day. */
  | { readonly kind: 'dates'; readonly dates: readonly Session[] };

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function parseCivilDate(date: CivilDate): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (m === null) throw new Error(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

export const formatCivilDate = (year: number, month: number, day: number): CivilDate =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
export function daysFromCivil(date: CivilDate): number {
  const { year, month, day } = parseCivilDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of daysFromCivil. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatCivilDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export const addDays = (date: CivilDate, days: number): CivilDate => civilFromDays(daysFromCivil(date) + days);

/** Adds calendar months, clamping the day to the target month's end (2024-01-31 + 1 month = 2024-02-29). */
export function addMonths(date: CivilDate, months: number): CivilDate {
  const { year, month, day } = parseCivilDate(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatCivilDate(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Whole months from `from` to `to` (negative when `to` is earlier); a month counts once its day is reached. */
export function monthsBetween(from: CivilDate, to: CivilDate): number {
  const a = parseCivilDate(from);
  const b = parseCivilDate(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && addMonths(from, months) > to) months -= 1;
  if (months < 0 && addMonths(from, months) < to) months += 1;
  return months;
}

/** A session from its first and last days: one date when they are the same. @example sessionOf('2021-03-05', '2021-03-07') // '2021-03-05/2021-03-07' */
export const sessionOf = (start: CivilDate, end: CivilDate): Session => (end === start ? start : `${start}/${end}`);

/** A session's first day. @example sessionStart('2024-10-01/2024-10-02') // '2024-10-01' */
export const sessionStart = (session: Session): CivilDate => session.slice(0, 10);

/** A session's last day (its only day when it sat one). @example sessionClose('2024-10-01/2024-10-02') // '2024-10-02' */
export const sessionClose = (session: Session): CivilDate => (session.length > 10 ? session.slice(11) : session);

/**
 * The date of a round (0-based): its session's first day.
 * @example roundDate({ kind: 'monthly', start: '2019-09-24' }, 3); // '2019-12-24'
 */
export function roundDate(calendar: RoundCalendar, round: number): CivilDate {
  if (calendar.kind === 'monthly') return addMonths(calendar.start, round);
  const last = calendar.dates.length - 1;
  if (last < 0) throw new Error('a dated calendar needs at least one date');
  if (round <= last) return sessionStart(calendar.dates[round] as Session);
  return addMonths(sessionStart(calendar.dates[last] as Session), round - last);
}

/**
 * The last day of a round's session, the date a deal struck in it bears (and its consent vote's first sitting); a
 * monthly round, or one past the dated sessions, sits one day.
 * @example roundClose({ kind: 'dates', dates: ['2021-03-05/2021-03-07'] }, 0); // '2021-03-07'
 */
export function roundClose(calendar: RoundCalendar, round: number): CivilDate {
  if (calendar.kind === 'dates' && round < calendar.dates.length) return sessionClose(calendar.dates[round] as Session);
  return roundDate(calendar, round);
}

/** The first round whose date is on or after `date` (rounds past the calendar's dates are monthly). */
export function roundOnOrAfter(calendar: RoundCalendar, date: CivilDate): number {
  let round = 0;
  while (roundDate(calendar, round) < date) round++;
  return round;
}
