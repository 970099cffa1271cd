/**
 * "Date expected" coercion (Help Center https://help.make.com/type-coercion):
 * a date stays a date, a number is milliseconds since 1970-01-01 UTC, and text is parsed when it
 * holds a day, a month and a year, optionally a time and a zone — the documented forms are
 * ISO-like `YYYY-MM-DD`, `YYYY/MM/DD`, US `MM/DD/YYYY` and European `D.M.YYYY`, each optionally
 * followed by `H:mm[:ss[.SSS]]`, `AM`/`PM` and an offset (`Z`, `+02:00`, `+0200`, `GMT+02:00`).
 * Text without an offset is read in `timezone` (the settings zone, https://help.make.com/manage-time-zones).
 */
import { instantAtOffset, instantOf, resolveZone, type WallClock } from './zone.ts';

/** Date part forms with the positions of year, month and day in the match. */
const DATE_FORMS: readonly { pattern: string; year: number; month: number; day: number }[] = [
  { pattern: '(\\d{4})-(\\d{1,2})-(\\d{1,2})', year: 1, month: 2, day: 3 },
  { pattern: '(\\d{4})/(\\d{1,2})/(\\d{1,2})', year: 1, month: 2, day: 3 },
  { pattern: '(\\d{1,2})/(\\d{1,2})/(\\d{4})', year: 3, month: 1, day: 2 },
  { pattern: '(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})', year: 3, month: 2, day: 1 },
];

// Groups after the date: 4 hour, 5 minute, 6 second, 7 fraction, 8 meridiem, 9 Z/GMT/UTC alone,
// 10 offset sign, 11 offset hours, 12 offset minutes.
const TIME = '(?:(?:T|\\s+)(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(?:\\s*([ap])\\.?m\\.?)?)?';
const ZONE = '(?:\\s*(?:(z|gmt|utc)|(?:(?:gmt|utc)\\s*)?([+-])(\\d{2}):?(\\d{2})?))?';

const MATCHERS = DATE_FORMS.map((form) => ({
  form,
  regex: new RegExp(`^${form.pattern}${TIME}${ZONE}$`, 'i'),
}));

/** Date → itself; finite number → epoch ms; a documented text form → the instant; else undefined. */
export function toDate(value: unknown, timezone: string): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number') return Number.isFinite(value) ? validDate(new Date(value)) : undefined;
  if (typeof value !== 'string') return undefined;
  return parseDateText(value.trim(), resolveZone(timezone, timezone));
}

function validDate(date: Date): Date | undefined {
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function parseDateText(text: string, zone: string): Date | undefined {
  for (const { form, regex } of MATCHERS) {
    const m = regex.exec(text);
    if (m === null) continue;
    const wall = wallFromMatch(m, form);
    if (wall === undefined) return undefined;
    const offset = offsetFromMatch(m);
    return offset === undefined ? instantOf(wall, zone) : instantAtOffset(wall, offset);
  }
  return undefined;
}

function num(m: RegExpExecArray, group: number): number {
  return Number(m[group] ?? 0);
}

function wallFromMatch(m: RegExpExecArray, form: (typeof DATE_FORMS)[number]): WallClock | undefined {
  let hour = num(m, 4);
  const meridiem = m[8]?.toLowerCase();
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  }
  const wall: WallClock = {
    year: num(m, form.year),
    month: num(m, form.month),
    day: num(m, form.day),
    hour,
    minute: num(m, 5),
    second: num(m, 6),
    millisecond: Number((m[7] ?? '').padEnd(3, '0').slice(0, 3)),
  };
  return isRealWallClock(wall) ? wall : undefined;
}

/** Rejects 2016-02-30, 13th months, 24:61 and the like instead of rolling them over. */
export function isRealWallClock(w: WallClock): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1) return false;
  if (w.day > daysInMonth(w.year, w.month)) return false;
  return w.hour <= 23 && w.minute <= 59 && w.second <= 59 && w.millisecond <= 999;
}

export function daysInMonth(year: number, month: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month, 0);
  return d.getUTCDate();
}

/** Minutes east of UTC, or undefined when the text names no zone. */
function offsetFromMatch(m: RegExpExecArray): number | undefined {
  if (m[9] !== undefined) return 0;
  if (m[10] === undefined) return undefined;
  const minutes = num(m, 11) * 60 + num(m, 12);
  return m[10] === '-' ? -minutes : minutes;
}
