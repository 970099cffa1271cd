/**
 * `formatDate` tokens (spec/iml-spec.md §4.1, Help Center https://help.make.com/tokens-for-datetime-formatting):
 * Moment.js format tokens rendered from a luxon DateTime in the chosen zone, English names.
 */
import { DateTime } from 'luxon';
import { MONTHS, minName, ordinal, shortName, WEEKDAYS } from './locale-en.ts';
import { type FormatPart, tokenize } from './tokenize.ts';

type Render = (dt: DateTime) => string;

/** Moment's zeroFill: at least `width` digits, '-' for negatives, '+' only when forced. */
function pad(n: number, width: number, forceSign = false): string {
  const sign = n < 0 ? '-' : forceSign ? '+' : '';
  return sign + String(Math.abs(n)).padStart(width, '0');
}

/** Sunday = 0 … Saturday = 6. */
const dayOfWeek = (dt: DateTime): number => dt.weekday % 7;

/** English-locale week: weeks start on Sunday and week 1 holds January 1st. */
function localeWeek(dt: DateTime): { week: number; year: number } {
  const saturday = dt.plus({ days: 6 - dayOfWeek(dt) });
  return { week: Math.floor((saturday.ordinal - 1) / 7) + 1, year: saturday.year };
}

function offset(dt: DateTime, separator: string): string {
  const minutes = dt.offset;
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60), 2)}${separator}${pad(abs % 60, 2)}`;
}

const hour12 = (dt: DateTime): number => dt.hour % 12 || 12;
const monthName = (dt: DateTime): string => MONTHS[dt.month - 1] ?? '';
const dayName = (dt: DateTime): string => WEEKDAYS[dayOfWeek(dt)] ?? '';

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
  z: (dt) => dt.toFormat('ZZZZ', { locale: 'en-US' }),
  zz: (dt) => dt.toFormat('ZZZZ', { locale: 'en-US' }),
  X: (dt) => String(Math.floor(dt.toMillis() / 1000)),
  x: (dt) => String(dt.toMillis()),
};

/** `S` … `SSSSSSSSS`: the first n digits of the fraction; digits past milliseconds are 0. */
function fraction(dt: DateTime, digits: number): string {
  return pad(dt.millisecond, 3).padEnd(digits, '0').slice(0, digits);
}

function renderToken(dt: DateTime, token: string): string {
  if (token.startsWith('S')) return fraction(dt, token.length);
  const render = RENDERERS[token];
  return render === undefined ? token : render(dt);
}

/** `date` rendered in `zone` with the parts of a tokenized format. */
export function formatParts(date: Date, parts: readonly FormatPart[], zone: string): string {
  const dt = DateTime.fromMillis(date.getTime(), { zone });
  let out = '';
  for (const part of parts) out += part.kind === 'literal' ? part.text : renderToken(dt, part.token);
  return out;
}

/** `date` rendered in `zone` (a valid IANA name) with a Make format string. */
export function formatWithTokens(date: Date, format: string, zone: string): string {
  return formatParts(date, tokenize(format), zone);
}
