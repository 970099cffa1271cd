/**
 * `parseDate(text; format; [timezone])` (spec/iml-spec.md §3.4, §4.2; Help Center
 * https://help.make.com/date-and-time-functions): reads text with Moment.js tokens, fills the
 * missing parts like Moment does, and resolves the wall clock in the zone unless the text
 * carries an offset (`Z`) or is an epoch (`X`, `x`).
 */
import { isRealWallClock } from './coerce-date.ts';
import { calendarDate, checkWeekday, clockHour } from './parse-resolve.ts';
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

/** `text` read with `format`; wall clocks without an offset are read in `zone`. */
export function parseWithTokens(text: string, format: string, zone: string, now: Date): ParseResult {
  const fields = readFields(text, format);
  if (typeof fields === 'string') return fail(fields);
  if (fields.epochMs !== undefined) {
    const date = new Date(fields.epochMs);
    return Number.isNaN(date.getTime()) ? fail('the timestamp is out of range') : { ok: true, date };
  }
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
  return Number.isNaN(result.getTime()) ? fail('the date is out of range') : { ok: true, date: result };
}
