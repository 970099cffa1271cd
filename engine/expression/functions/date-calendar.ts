/**
 * Calendar moves on the organization's wall clock (https://help.make.com/date-and-time-functions,
 * https://developers.make.com/custom-apps-documentation/block-elements/iml):
 * `addDays`/`addMonths` and the `set*` functions change the LOCAL date and time and then find
 * the instant again, so 10:00 stays 10:00 across a DST change (the Help Center's setMonth
 * example: 13:36 CEST in August becomes 13:36 CET in January). Hours, minutes and seconds are
 * added as exact durations, like Moment does.
 */
import { daysInMonth } from '../dates/coerce-date.ts';
import { instantOf, normalizeWall, type WallClock, wallClockOf } from '../dates/zone.ts';
import { orgZone } from './date-args.ts';
import type { FunctionContext } from './types.ts';

/**
 * docs/fidelity.md, Open question 14: which zone `set*`/`add*` work in. We use the organization zone for all
 * of them, as the documented setMonth example requires (13:36 Prague time kept); Fusion's setHour
 * examples were written for a UTC organization and agree. Change it here, and only here.
 */
export function calendarZone(ctx: FunctionContext): string {
  return orgZone(ctx);
}

/** `date` with its wall clock in `zone` changed by `edit` (fields may overflow and roll over). */
export function withWallClock(date: Date, zone: string, edit: (wall: WallClock) => WallClock): Date {
  return instantOf(normalizeWall(edit(wallClockOf(date, zone))), zone);
}

/** Year and month with an overflowing month rolled into the year (month 17 → May next year). */
function rollMonth(year: number, month: number): { year: number; month: number } {
  const zeroBased = month - 1;
  const carry = Math.floor(zeroBased / 12);
  return { year: year + carry, month: zeroBased - carry * 12 + 1 };
}

/** Moves to another month keeping the day, clamped to that month's last day (31 Jan + 1 → 29 Feb). */
export function toMonth(wall: WallClock, year: number, month: number): WallClock {
  const target = rollMonth(year, month);
  return { ...wall, ...target, day: Math.min(wall.day, daysInMonth(target.year, target.month)) };
}

export function addCalendarDays(date: Date, days: number, zone: string): Date {
  return withWallClock(date, zone, (w) => ({ ...w, day: w.day + days }));
}

export function addCalendarMonths(date: Date, months: number, zone: string): Date {
  return withWallClock(date, zone, (w) => toMonth(w, w.year, w.month + months));
}

/** Sunday = 0 … Saturday = 6 on the local calendar. */
export function localDayOfWeek(date: Date, zone: string): number {
  const w = wallClockOf(date, zone);
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  return d.getUTCDay();
}
