/**
 * Date and time functions (Make's help: https://help.make.com/date-and-time-functions; Help Center
 * https://help.make.com/date-and-time-functions): formatDate, parseDate, add* and set*.
 * Names Make does not have (dateDifference, startOfDay, addWeekDays … — Fusion-only or
 * absent from Make's docs) are deliberately absent, so they stay unknown functions.
 * `now` and `timestamp` are keywords (keywords.ts), not functions.
 */
import { toText } from '../coerce.ts';
import { formatWithTokens } from '../dates/format-tokens.ts';
import { parseWithTokens } from '../dates/parse-date.ts';
import { offsetAt } from '../dates/zone.ts';
import {
  dateAmountFunction,
  dateArg,
  EMPTY_DATE_RESULT,
  orgZone,
  roundAmount,
  zoneArg,
} from './date-args.ts';
import { addCalendarDays, addCalendarMonths, calendarZone } from './date-calendar.ts';
import { setFunctions } from './date-set.ts';
import { argumentError, isMissing } from './text-args.ts';
import type { FunctionContext, FunctionSpec } from './types.ts';

/**
 * An empty format prints Moment's default ISO 8601 form: `…Z` literally while the zone's offset
 * is zero (Moment treats a zero-offset zoned date as UTC: defaultFormatUtc), else the offset.
 */
function defaultFormat(date: Date, zone: string): string {
  return offsetAt(date.getTime(), zone) === 0 ? 'YYYY-MM-DDTHH:mm:ss[Z]' : 'YYYY-MM-DDTHH:mm:ssZ';
}

/**
 * The format may be left out: real exported blueprints contain `formatDate("…")` and
 * `parseDate(40.ts)` (shared corpus), so Make's editor accepts both with one argument.
 */
const formatDate: FunctionSpec = {
  name: 'formatDate',
  minArgs: 1,
  maxArgs: 3,
  impl: (args, ctx) => {
    const zone = zoneArg(args, 2, ctx);
    // Text dates are read in the settings zone (https://help.make.com/type-coercion); the zone argument only
    // shapes the output.
    const date = dateArg('formatDate', args, 0, orgZone(ctx));
    if (date === undefined) return EMPTY_DATE_RESULT;
    const format = isMissing(args[1]) ? defaultFormat(date, zone) : toText(args[1]);
    return formatWithTokens(date, format, zone);
  },
};

/** A Date passes through (Moment ignores the format for dates); a number is read as its text. */
function parseDateImpl(args: unknown[], ctx: FunctionContext): unknown {
  const zone = zoneArg(args, 2, ctx);
  const input = args[0];
  if (input instanceof Date) return dateArg('parseDate', args, 0, zone);
  if (isMissing(input)) return EMPTY_DATE_RESULT;
  // docs/fidelity.md, Open question 17: without a format we fall back to the
  // https://help.make.com/type-coercion text forms.
  if (isMissing(args[1])) return dateArg('parseDate', args, 0, zone);
  const text = toText(input).trim();
  const format = toText(args[1]);
  const result = parseWithTokens(text, format, zone, ctx.now);
  if (result.ok) return result.date;
  throw argumentError(
    'parseDate',
    1,
    `"${text}" does not match the format "${format}": ${result.reason}.`,
    'Change the format to match the text, or map a different value.',
  );
}

const parseDate: FunctionSpec = { name: 'parseDate', minArgs: 1, maxArgs: 3, impl: parseDateImpl };

/** add* that move by an exact duration (Moment adds hours, minutes and seconds as milliseconds). */
function addExact(name: string, unitMs: number): FunctionSpec {
  return dateAmountFunction(name, (date, amount) => new Date(date.getTime() + Math.trunc(amount * unitMs)));
}

/** add* that move on the local calendar; amounts are rounded to whole days/months first. */
function addCalendar(
  name: string,
  move: (date: Date, amount: number, zone: string) => Date,
  scale: number,
): FunctionSpec {
  return dateAmountFunction(name, (date, amount, ctx) =>
    move(date, roundAmount(amount * scale), calendarZone(ctx)),
  );
}

export const dateFunctions: FunctionSpec[] = [
  formatDate,
  parseDate,
  addExact('addSeconds', 1000),
  addExact('addMinutes', 60_000),
  addExact('addHours', 3_600_000),
  addCalendar('addDays', addCalendarDays, 1),
  // Moment turns years into months (×12) before rounding.
  addCalendar('addMonths', addCalendarMonths, 1),
  addCalendar('addYears', addCalendarMonths, 12),
  ...setFunctions,
];
