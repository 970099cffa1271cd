/**
 * `formatDate` tokens (Help Center https://help.make.com/tokens-for-datetime-formatting):
 * Moment.js format tokens rendered from the calendar fields in the chosen zone, English names.
 */
import type { DateTime } from 'luxon';
import { MONTHS, minName, ordinal, shortName, WEEKDAYS } from './locale-en.ts';
import { luxon } from './luxon.ts';
import { type FormatPart, tokenize } from './tokenize.ts';
import { offsetAt } from './zone.ts';

/**
 * The calendar fields tokens read, in one zone, computed from the cached offset. luxon's
 * DateTime costs more to build than the rest of `formatDate`, so it is made only for the few
 * tokens that need it (ISO/locale weeks, zone names).
 */
class ZonedFields {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** ISO weekday, Monday = 1 … Sunday = 7, like luxon's. */
  readonly weekday: number;
  #luxon: DateTime | undefined;

  constructor(
    private readonly ms: number,
    private readonly zone: string,
    readonly offset: number,
  ) {
    const wall = ms + offset * 60_000;
    const days = Math.floor(wall / DAY_MS);
    let rest = wall - days * DAY_MS;
    this.hour = Math.floor(rest / 3_600_000);
    rest -= this.hour * 3_600_000;
    this.minute = Math.floor(rest / 60_000);
    rest -= this.minute * 60_000;
    this.second = Math.floor(rest / 1000);
    this.millisecond = rest - this.second * 1000;
    // 1970-01-01 was a Thursday (ISO 4).
    this.weekday = ((((days + 3) % 7) + 7) % 7) + 1;
    const civil = civilFromDays(days);
    this.year = civil.year;
    this.month = civil.month;
    this.day = civil.day;
  }

  get quarter(): number {
    return Math.ceil(this.month / 3);
  }

  /** Day of the year, 1-based. */
  get ordinal(): number {
    const start = new Date(0);
    start.setUTCFullYear(this.year, 0, 1);
    const today = new Date(0);
    today.setUTCFullYear(this.year, this.month - 1, this.day);
    return Math.round((today.getTime() - start.getTime()) / 86_400_000) + 1;
  }

  get luxon(): DateTime {
    this.#luxon ??= luxon().DateTime.fromMillis(this.ms, { zone: this.zone });
    return this.#luxon;
  }

  get weekNumber(): number {
    return this.luxon.weekNumber;
  }

  get weekYear(): number {
    return this.luxon.weekYear;
  }

  toMillis(): number {
    return this.ms;
  }
}

type Render = (dt: ZonedFields) => string;

const DAY_MS = 86_400_000;

/**
 * Calendar date of a day count since 1970-01-01, proleptic Gregorian like JavaScript's Date
 * (H. Hinnant's days_from_civil inverse): plain arithmetic, cheaper than a Date and its getters.
 */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shifted = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1;
  const month = shifted < 10 ? shifted + 3 : shifted - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Moment's zeroFill: at least `width` digits, '-' for negatives, '+' only when forced. */
function pad(n: number, width: number, forceSign = false): string {
  if (width === 2 && n >= 0 && n < 10 && !forceSign) return `0${n}`;
  const sign = n < 0 ? '-' : forceSign ? '+' : '';
  return sign + String(Math.abs(n)).padStart(width, '0');
}

/** Sunday = 0 … Saturday = 6. */
const dayOfWeek = (dt: ZonedFields | DateTime): number => dt.weekday % 7;

/** English-locale week: weeks start on Sunday and week 1 holds January 1st. */
function localeWeek(dt: ZonedFields): { week: number; year: number } {
  const saturday = dt.luxon.plus({ days: 6 - dayOfWeek(dt) });
  return { week: Math.floor((saturday.ordinal - 1) / 7) + 1, year: saturday.year };
}

function offset(dt: ZonedFields, separator: string): string {
  const minutes = dt.offset;
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

const hour12 = (dt: ZonedFields): number => dt.hour % 12 || 12;
const monthName = (dt: ZonedFields): string => MONTHS[dt.month - 1] ?? '';
const dayName = (dt: ZonedFields): string => WEEKDAYS[dayOfWeek(dt)] ?? '';

const RENDERERS: Readonly<Record<string, Render>> = {
  Y: (dt) => (dt.year <= 9999 ? pad(dt.year, 4) : `+${dt.year}`),
  YY: (dt) => pad(Math.abs(dt.year) % 100, 2),
  YYYY: (dt) => pad(dt.year, 4),
  YYYYY: (dt) => pad(dt.year, 5),
  YYYYYY: (dt) => pad(dt.year, 6, true),
  Q: (dt) => String(dt.quarter),
  Qo: (dt) => ordinal(dt.quarter),
  M: (dt) => String(dt.month),
  Mo: (dt) => ordinal(dt.month),
  MM: (dt) => pad(dt.month, 2),
  MMM: (dt) => shortName(monthName(dt)),
  MMMM: monthName,
  D: (dt) => String(dt.day),
  Do: (dt) => ordinal(dt.day),
  DD: (dt) => pad(dt.day, 2),
  DDD: (dt) => String(dt.ordinal),
  DDDo: (dt) => ordinal(dt.ordinal),
  DDDD: (dt) => pad(dt.ordinal, 3),
  d: (dt) => String(dayOfWeek(dt)),
  do: (dt) => ordinal(dayOfWeek(dt)),
  dd: (dt) => minName(dayName(dt)),
  ddd: (dt) => shortName(dayName(dt)),
  dddd: dayName,
  e: (dt) => String(dayOfWeek(dt)),
  E: (dt) => String(dt.weekday),
  w: (dt) => String(localeWeek(dt).week),
  wo: (dt) => ordinal(localeWeek(dt).week),
  ww: (dt) => pad(localeWeek(dt).week, 2),
  W: (dt) => String(dt.weekNumber),
  Wo: (dt) => ordinal(dt.weekNumber),
  WW: (dt) => pad(dt.weekNumber, 2),
  gg: (dt) => pad(Math.abs(localeWeek(dt).year) % 100, 2),
  gggg: (dt) => pad(localeWeek(dt).year, 4),
  ggggg: (dt) => pad(localeWeek(dt).year, 5),
  GG: (dt) => pad(Math.abs(dt.weekYear) % 100, 2),
  GGGG: (dt) => pad(dt.weekYear, 4),
  GGGGG: (dt) => pad(dt.weekYear, 5),
  H: (dt) => String(dt.hour),
  HH: (dt) => pad(dt.hour, 2),
  h: (dt) => String(hour12(dt)),
  hh: (dt) => pad(hour12(dt), 2),
  k: (dt) => String(dt.hour || 24),
  kk: (dt) => pad(dt.hour || 24, 2),
  Hmm: (dt) => `${dt.hour}${pad(dt.minute, 2)}`,
  Hmmss: (dt) => `${dt.hour}${pad(dt.minute, 2)}${pad(dt.second, 2)}`,
  hmm: (dt) => `${hour12(dt)}${pad(dt.minute, 2)}`,
  hmmss: (dt) => `${hour12(dt)}${pad(dt.minute, 2)}${pad(dt.second, 2)}`,
  a: (dt) => (dt.hour < 12 ? 'am' : 'pm'),
  A: (dt) => (dt.hour < 12 ? 'AM' : 'PM'),
  m: (dt) => String(dt.minute),
  mm: (dt) => pad(dt.minute, 2),
  s: (dt) => String(dt.second),
  ss: (dt) => pad(dt.second, 2),
  Z: (dt) => offset(dt, ':'),
  ZZ: (dt) => offset(dt, ''),
  // Zone abbreviation: moment-timezone has its own table (CET); Intl's English short names
  // agree for UTC and North American zones and give "GMT+1"-style names elsewhere (fidelity.md).
  z: (dt) => dt.luxon.toFormat('ZZZZ', { locale: 'en-US' }),
  zz: (dt) => dt.luxon.toFormat('ZZZZ', { locale: 'en-US' }),
  X: (dt) => String(Math.floor(dt.toMillis() / 1000)),
  x: (dt) => String(dt.toMillis()),
};

/** `S` … `SSSSSSSSS`: the first n digits of the fraction; digits past milliseconds are 0. */
function fraction(dt: ZonedFields, digits: number): string {
  return pad(dt.millisecond, 3).padEnd(digits, '0').slice(0, digits);
}

function rendererOf(part: FormatPart): Render {
  if (part.kind === 'literal') {
    const text = part.text;
    return () => text;
  }
  const token = part.token;
  if (token.startsWith('S')) return (dt) => fraction(dt, token.length);
  return RENDERERS[token] ?? (() => token);
}

/** Each tokenized format's renderers, resolved once (tokenize caches the parts arrays). */
const renderers = new WeakMap<readonly FormatPart[], readonly Render[]>();

function renderersOf(parts: readonly FormatPart[]): readonly Render[] {
  let list = renderers.get(parts);
  if (list === undefined) {
    list = parts.map(rendererOf);
    renderers.set(parts, list);
  }
  return list;
}

/** `date` rendered in `zone` with the parts of a tokenized format. */
export function formatParts(date: Date, parts: readonly FormatPart[], zone: string): string {
  const ms = date.getTime();
  const dt = new ZonedFields(ms, zone, offsetAt(ms, zone));
  let out = '';
  for (const render of renderersOf(parts)) out += render(dt);
  return out;
}

/** `date` rendered in `zone` (a valid IANA name) with a Make format string. */
export function formatWithTokens(date: Date, format: string, zone: string): string {
  return formatParts(date, tokenize(format), zone);
}
