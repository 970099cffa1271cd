/**
 * The `set*` date functions (Help Center https://help.make.com/date-and-time-functions).
 * Out-of-range numbers roll into the neighbouring unit (setSecond 61 → next minute, setDate 32 →
 * next month, setMonth 17 → May of next year); setDay counts Sunday = 1 … Saturday = 7 and
 * moves within/around the current Sunday-to-Saturday week. Everything happens on the wall clock
 * of the zone (date-calendar.ts).
 */
import { toNumber, toText } from '../coerce.ts';
import { MONTHS, matchName, WEEKDAYS } from '../dates/locale-en.ts';
import type { WallClock } from '../dates/zone.ts';
import { dateAmountFunction, dateArg, EMPTY_DATE_RESULT, orgZone } from './date-args.ts';
import { addCalendarDays, calendarZone, localDayOfWeek, toMonth, withWallClock } from './date-calendar.ts';
import { argumentError } from './text-args.ts';
import type { FunctionSpec } from './types.ts';

/** A `set*` function that replaces one wall-clock field (the value may overflow). */
function setField(name: string, edit: (wall: WallClock, n: number) => WallClock): FunctionSpec {
  return dateAmountFunction(name, (date, amount, ctx) =>
    withWallClock(date, calendarZone(ctx), (w) => edit(w, Math.trunc(amount))),
  );
}

/** A number (or numeric text), or an English name/abbreviation: 1-based index into `names`. */
function numberOrName(fn: string, value: unknown, names: readonly string[], what: string): number {
  const n = toNumber(value);
  if (n !== undefined && Number.isFinite(n)) return Math.trunc(n);
  const text = toText(value).trim();
  const hit = matchName(names, text);
  if (hit !== undefined && hit.length === text.length) return hit.index + 1;
  throw argumentError(
    fn,
    2,
    `"${text}" is not a ${what}.`,
    `Use a number or an English ${what} name such as ${names[1]}.`,
  );
}

const setDay: FunctionSpec = {
  name: 'setDay',
  minArgs: 2,
  maxArgs: 2,
  impl: (args, ctx) => {
    const date = dateArg('setDay', args, 0, orgZone(ctx));
    const day = numberOrName('setDay', args[1], WEEKDAYS, 'day');
    if (date === undefined) return EMPTY_DATE_RESULT;
    const zone = calendarZone(ctx);
    return addCalendarDays(date, day - 1 - localDayOfWeek(date, zone), zone);
  },
};

const setMonth: FunctionSpec = {
  name: 'setMonth',
  minArgs: 2,
  maxArgs: 2,
  impl: (args, ctx) => {
    const date = dateArg('setMonth', args, 0, orgZone(ctx));
    const month = numberOrName('setMonth', args[1], MONTHS, 'month');
    if (date === undefined) return EMPTY_DATE_RESULT;
    return withWallClock(date, calendarZone(ctx), (w) => toMonth(w, w.year, month));
  },
};

export const setFunctions: FunctionSpec[] = [
  setField('setSecond', (w, n) => ({ ...w, second: n })),
  setField('setMinute', (w, n) => ({ ...w, minute: n })),
  setField('setHour', (w, n) => ({ ...w, hour: n })),
  setField('setDate', (w, n) => ({ ...w, day: n })),
  // Moment keeps 29 February only in leap years; elsewhere it becomes the 28th.
  setField('setYear', (w, n) => toMonth(w, n, w.month)),
  setDay,
  setMonth,
];
