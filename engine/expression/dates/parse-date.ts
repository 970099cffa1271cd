/**
 * `parseDate(text; format; [timezone])` (spec/iml-spec.md §3.4, §4.2; Help Center
 * https://help.make.com/date-and-time-functions): reads text with Moment.js tokens, fills the
 * missing parts like Moment does, and resolves the wall clock in the zone unless the text
 * carries an offset (`Z`) or is an epoch (`X`, `x`).
 */
import { DateTime } from 'luxon';
import { isRealWallClock } from './coerce-date.ts';
import { fractionReader, type ParsedFields, READERS, type TokenReader } from './parse-tokens.ts';
import { tokenize } from './tokenize.ts';
import { instantAtOffset, instantOf, type WallClock, wallClockOf } from './zone.ts';

/**
 * Open question 17 (parseDate strictness). We follow Moment's forgiving mode where it is
 * predictable — tokens take 1–2 digits where Moment's do, and text left over after the last
 * token is ignored (`parseDate("2016-12-28T10:00Z"; "YYYY-MM-DD")` is that day) — but every
 * token and literal must match where it stands, and impossible dates (month 13, 30 February)
 * are rejected, as Moment marks them invalid.
 */
export const IGNORE_TRAILING_TEXT = true;

export type ParseResult = { ok: true; date: Date } | { ok: false; reason: string };

const fail = (reason: string): ParseResult => ({ ok: false, reason });

function readerFor(token: string): TokenReader | undefined {
  return token.startsWith('S') ? fractionReader(token) : READERS[token];
}

/** Walks the format over the text; returns the fields or why the text does not match. */
function readFields(text: string, format: string): ParsedFields | string {
  const fields: ParsedFields = {};
  let pos = 0;
  for (const part of tokenize(format)) {
    if (part.kind === 'literal') {
      const next = matchLiteral(text, pos, part.text);
      if (next === undefined) return `expected "${part.text}" at position ${pos + 1}`;
      pos = next;
      continue;
    }
    const reader = readerFor(part.token);
    if (reader === undefined) return `the token "${part.token}" cannot be used for parsing`;
    reader.pattern.lastIndex = pos;
    const m = reader.pattern.exec(text);
    if (m === null) return `nothing matches the token "${part.token}" at position ${pos + 1}`;
    try {
      reader.apply(m[0], fields);
    } catch (error) {
      return error instanceof RangeError ? error.message : String(error);
    }
    pos += m[0].length;
  }
  if (!IGNORE_TRAILING_TEXT && text.slice(pos).trim() !== '') return `unexpected text at position ${pos + 1}`;
  return fields;
}

/** A literal matches case-insensitively; a space in the format matches any run of whitespace. */
function matchLiteral(text: string, start: number, literal: string): number | undefined {
  let pos = start;
  for (const ch of literal) {
    if (/\s/.test(ch)) {
      while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
      continue;
    }
    if (text.charAt(pos).toLowerCase() !== ch.toLowerCase()) return undefined;
    pos++;
  }
  return pos;
}

type CalendarDate = Pick<WallClock, 'year' | 'month' | 'day'>;

const DAY_MS = 86_400_000;

function utcCalendar(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO week date (`GGGG-[W]WW-E`): week 1 is the week holding 4 January; Monday = 1. */
function isoWeekDate(f: ParsedFields, today: WallClock): CalendarDate | string {
  const todayIso = DateTime.utc(today.year, today.month, today.day);
  const weekYear = f.weekYear ?? todayIso.weekYear;
  const week = f.isoWeek ?? 1;
  const jan4 = new Date(0);
  jan4.setUTCFullYear(weekYear, 0, 4);
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  const date = utcCalendar(mondayOfWeek1 + ((week - 1) * 7 + (f.isoWeekday ?? 1) - 1) * DAY_MS);
  const check = DateTime.utc(date.year, date.month, date.day);
  return check.weekYear === weekYear && check.weekNumber === week
    ? date
    : `week ${week} of ${weekYear} does not exist`;
}

/** Moment's defaults: year/month/day from today up to the first given one; then 1, 1, 0s. */
function calendarDate(f: ParsedFields, today: WallClock): CalendarDate | string {
  const dateGiven = f.month !== undefined || f.day !== undefined;
  if (f.isoWeek !== undefined || f.weekYear !== undefined || (f.isoWeekday !== undefined && !dateGiven)) {
    return isoWeekDate(f, today);
  }
  if (f.dayOfYear !== undefined) {
    const year = f.year ?? today.year;
    const jan1 = new Date(0);
    jan1.setUTCFullYear(year, 0, 1);
    const date = utcCalendar(jan1.getTime() + (f.dayOfYear - 1) * DAY_MS);
    return f.dayOfYear >= 1 && date.year === year ? date : `day ${f.dayOfYear} of ${year} does not exist`;
  }
  if (f.year === undefined && !dateGiven) return { year: today.year, month: today.month, day: today.day };
  if (f.year === undefined && f.month === undefined)
    return { year: today.year, month: today.month, day: f.day ?? 1 };
  return { year: f.year ?? today.year, month: f.month ?? 1, day: f.day ?? 1 };
}

/** 12-hour clock with am/pm, and Moment's 24:00:00 = midnight of the next day. */
function clockHour(f: ParsedFields): { hour: number; nextDay: boolean } | string {
  let hour = f.hour ?? 0;
  if (f.pm !== undefined) {
    if (hour < 1 || hour > 12) return `hour ${hour} does not exist on a 12-hour clock`;
    hour = (hour % 12) + (f.pm ? 12 : 0);
  }
  const restIsZero = (f.minute ?? 0) === 0 && (f.second ?? 0) === 0 && (f.millisecond ?? 0) === 0;
  if (hour === 24 && restIsZero) return { hour: 0, nextDay: true };
  return { hour, nextDay: false };
}

/** `text` read with `format`; wall clocks without an offset are read in `zone`. */
export function parseWithTokens(text: string, format: string, zone: string, now: Date): ParseResult {
  const fields = readFields(text, format);
  if (typeof fields === 'string') return fail(fields);
  if (fields.epochMs !== undefined) return { ok: true, date: new Date(fields.epochMs) };
  const date = calendarDate(fields, wallClockOf(now, zone));
  if (typeof date === 'string') return fail(date);
  const clock = clockHour(fields);
  if (typeof clock === 'string') return fail(clock);
  const wall: WallClock = {
    ...date,
    hour: clock.hour,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
    millisecond: fields.millisecond ?? 0,
  };
  if (!isRealWallClock(wall))
    return fail(
      `${wall.year}-${wall.month}-${wall.day} ${wall.hour}:${wall.minute}:${wall.second} is not a real date and time`,
    );
  const weekdayProblem = checkWeekday(fields, wall);
  if (weekdayProblem !== undefined) return fail(weekdayProblem);
  if (clock.nextDay) wall.day += 1;
  const result = fields.offset === undefined ? instantOf(wall, zone) : instantAtOffset(wall, fields.offset);
  return { ok: true, date: result };
}

/** A day name that contradicts the date makes the text invalid (Moment's weekday mismatch). */
function checkWeekday(f: ParsedFields, wall: WallClock): string | undefined {
  if (f.weekday === undefined) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return d.getUTCDay() === f.weekday ? undefined : 'the day name does not match the date';
}
