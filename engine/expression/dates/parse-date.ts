/**
 * `parseDate(text; format; [timezone])` (Make's help: https://help.make.com/date-and-time-functions,
 * https://help.make.com/tokens-for-datetime-parsing; Help Center
 * https://help.make.com/date-and-time-functions): reads text with Moment.js tokens, fills the
 * missing parts like Moment does, and resolves the wall clock in the zone unless the text
 * carries an offset (`Z`) or is an epoch (`X`, `x`).
 */
import { isRealWallClock } from './coerce-date.ts';
import { calendarDate, checkWeekday, clockHour } from './parse-resolve.ts';
import { fractionReader, type ParsedFields, READERS, type TokenReader } from './parse-tokens.ts';
import { tokenizeForParsing } from './tokenize.ts';
import { instantAtOffset, instantOf, type WallClock, wallClockOf } from './zone.ts';

/**
 * Make parses with Moment's default, forgiving mode (docs/fidelity.md, open question 17; Moment's "String +
 * Format" docs: "non-alphanumeric characters are ignored", "the parser ignores … extra text"). Moment's
 * rule, followed here step by step: each part of the format in turn is SEARCHED for in the rest
 * of the text, not required where it stands — digits skip whatever precedes them, a literal
 * character that is absent is simply skipped (`parseDate("12/25/2025"; "MM-DD-YYYY")` is
 * 25 December), a token that finds nothing leaves its field to the defaults. The text is
 * invalid when no token matched at all, a month or day name is no name, or the date is
 * impossible (month 13, 30 February) or contradicts its weekday. Text after the
 * last part is ignored.
 */
export type ParseResult = { ok: true; date: Date } | { ok: false; reason: string };

const fail = (reason: string): ParseResult => ({ ok: false, reason });

function readerFor(token: string): TokenReader | undefined {
  return token.startsWith('S') ? fractionReader(token) : READERS[token];
}

/** The unanchored twin of a reader's sticky pattern, for Moment's search from the position. */
const searches = new WeakMap<RegExp, RegExp>();
function searchPattern(pattern: RegExp): RegExp {
  let search = searches.get(pattern);
  if (search === undefined) {
    search = new RegExp(pattern.source, `${pattern.flags.replace('y', '')}g`);
    searches.set(pattern, search);
  }
  return search;
}

/** Where `reader` first matches at or after `pos`. */
function findToken(
  text: string,
  pos: number,
  reader: TokenReader,
): { at: number; match: string } | undefined {
  const pattern = searchPattern(reader.pattern);
  pattern.lastIndex = pos;
  const m = pattern.exec(text);
  return m === null ? undefined : { at: m.index, match: m[0] };
}

/** Walks the format over the text as Moment's forgiving parser does; returns the fields or why not. */
function readFields(text: string, format: string): ParsedFields | string {
  const fields: ParsedFields = {};
  let pos = 0;
  let matchedTokens = 0;
  for (const part of tokenizeForParsing(format)) {
    if (part.kind === 'literal') {
      // Case-sensitive, like Moment's escaped-literal regex; absent = skipped.
      const at = part.text === '' ? -1 : text.indexOf(part.text, pos);
      if (at >= 0) pos = at + part.text.length;
      continue;
    }
    const reader = readerFor(part.token);
    if (reader === undefined) return `the token "${part.token}" cannot be used for parsing`;
    const found = findToken(text, pos, reader);
    if (found === undefined) continue;
    try {
      reader.apply(found.match, fields);
    } catch (error) {
      return error instanceof RangeError ? error.message : String(error);
    }
    matchedTokens++;
    pos = found.at + found.match.length;
  }
  if (matchedTokens === 0) return `nothing in the text matches the format "${format}"`;
  // Moment: am/pm alone, with no date or time part read, is not a date.
  if (fields.pm !== undefined && !hasDatePart(fields)) return 'only am/pm was found in the text';
  return fields;
}

function hasDatePart(f: ParsedFields): boolean {
  return [f.year, f.month, f.day, f.hour, f.minute, f.second, f.millisecond].some((v) => v !== undefined);
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
