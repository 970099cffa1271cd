/**
 * How parseDate turns the fields read from the text into a wall clock (Make's help:
 * https://help.make.com/tokens-for-datetime-parsing):
 * Moment's defaults for missing parts (today for the leading date parts, then 1 January and
 * 00:00), ISO week dates, day-of-year, the 12-hour clock and Moment's validity rules.
 */
import { luxon } from './luxon.ts';
import type { ParsedFields } from './parse-tokens.ts';
import type { WallClock } from './zone.ts';

type CalendarDate = Pick<WallClock, 'year' | 'month' | 'day'>;

const DAY_MS = 86_400_000;

function utcCalendar(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO week date (`GGGG-[W]WW-E`): week 1 is the week holding 4 January; Monday = 1. */
function isoWeekDate(f: ParsedFields, today: WallClock): CalendarDate | string {
  const todayIso = luxon().DateTime.utc(today.year, today.month, today.day);
  const weekYear = f.weekYear ?? f.year ?? todayIso.weekYear;
  const week = f.isoWeek ?? 1;
  if (f.isoWeekday !== undefined && (f.isoWeekday < 1 || f.isoWeekday > 7))
    return `there is no ISO weekday ${f.isoWeekday}`;
  const jan4 = new Date(0);
  jan4.setUTCFullYear(weekYear, 0, 4);
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * DAY_MS;
  const date = utcCalendar(mondayOfWeek1 + ((week - 1) * 7 + (f.isoWeekday ?? 1) - 1) * DAY_MS);
  const check = luxon().DateTime.utc(date.year, date.month, date.day);
  return check.weekYear === weekYear && check.weekNumber === week
    ? date
    : `week ${week} of ${weekYear} does not exist`;
}

/** English-locale week (Sunday first, week 1 holds 1 January) of a calendar date. */
function localWeekOf(date: CalendarDate): { year: number; week: number } {
  const d = new Date(0);
  d.setUTCFullYear(date.year, date.month - 1, date.day);
  const saturday = utcCalendar(d.getTime() + (6 - d.getUTCDay()) * DAY_MS);
  const jan1 = new Date(0);
  jan1.setUTCFullYear(saturday.year, 0, 1);
  const dayOfYear = Math.round((d.getTime() + (6 - d.getUTCDay()) * DAY_MS - jan1.getTime()) / DAY_MS) + 1;
  return { year: saturday.year, week: Math.floor((dayOfYear - 1) / 7) + 1 };
}

/**
 * English-locale week date (`gggg ww e`): the Sunday on or before 1 January starts week 1. As
 * Moment's dayOfYearFromWeekInfo: the year defaults to the text's year, then this week's year;
 * the week to the current one (so a lone day name is that day of this week).
 */
function localWeekDate(f: ParsedFields, today: WallClock): CalendarDate | string {
  const current = localWeekOf(today);
  const year = f.localWeekYear ?? f.year ?? current.year;
  const week = f.localWeek ?? current.week;
  if (f.weekday !== undefined && (f.weekday < 0 || f.weekday > 6)) return `there is no weekday ${f.weekday}`;
  const jan1 = new Date(0);
  jan1.setUTCFullYear(year, 0, 1);
  const sundayOfWeek1 = jan1.getTime() - jan1.getUTCDay() * DAY_MS;
  const date = utcCalendar(sundayOfWeek1 + ((week - 1) * 7 + (f.weekday ?? 0)) * DAY_MS);
  const check = localWeekOf(date);
  return check.year === year && check.week === week ? date : `week ${week} of ${year} does not exist`;
}

/** Moment's defaults: year/month/day from today up to the first given one; then 1, 1, 0s. */
export function calendarDate(f: ParsedFields, today: WallClock): CalendarDate | string {
  const dateGiven = f.month !== undefined || f.day !== undefined;
  // Moment reads week parts only when neither month nor day was given (configFromArray).
  if (!dateGiven && (f.isoWeek !== undefined || f.weekYear !== undefined || f.isoWeekday !== undefined)) {
    return isoWeekDate(f, today);
  }
  if (!dateGiven && (f.localWeek !== undefined || f.localWeekYear !== undefined || f.weekday !== undefined)) {
    return localWeekDate(f, today);
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
export function clockHour(f: ParsedFields): { hour: number; nextDay: boolean } | string {
  if (f.hour === undefined) return { hour: 0, nextDay: false };
  let hour = f.hour;
  // Moment's meridiemFixWrap: pm adds 12 below 12, am turns 12 into 0; other hours stand as read
  // (forgiving mode does not refuse "13:03 pm").
  if (f.pm === true && hour < 12) hour += 12;
  if (f.pm === false && hour === 12) hour = 0;
  const restIsZero = (f.minute ?? 0) === 0 && (f.second ?? 0) === 0 && (f.millisecond ?? 0) === 0;
  if (hour === 24 && restIsZero) return { hour: 0, nextDay: true };
  return { hour, nextDay: false };
}

/** A day name that contradicts the date makes the text invalid (Moment's weekday mismatch). */
export function checkWeekday(f: ParsedFields, wall: WallClock): string | undefined {
  if (f.weekday === undefined) return undefined;
  const d = new Date(0);
  d.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  return d.getUTCDay() === f.weekday ? undefined : 'the day name does not match the date';
}
