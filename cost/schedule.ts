/**
 * Runs per month from Make's scheduling object — https://help.make.com/schedule-a-scenario (and the Make
 * SDK's `src/endpoints/scenarios.ts`: `{type, interval, date, days, months, time, between, restrict}`).
 * Counted over the actual calendar month asked for, in the organization's time zone: croner
 * enumerates the calendar schedules, intervals are stepped exactly, and every run must fall inside
 * the schedule's window (cost/schedule-window.ts).
 */
import { Cron } from 'croner';
import type { DateTime } from 'luxon';
import { luxon } from '../engine/expression/dates/luxon.ts';
import { type CalendarMonth, monthBounds } from './calendar-month.ts';
import { allowedAt, type Between, parseTime, type Restriction } from './schedule-window.ts';

export type { CalendarMonth } from './calendar-month.ts';
export { daysInMonth, nextMonth, parseMonth } from './calendar-month.ts';

export type SchedulingType =
  | 'immediately'
  | 'indefinitely'
  | 'once'
  | 'daily'
  | 'weekly'
  | 'monthly'
  | 'yearly'
  | 'on-demand';

export interface Scheduling {
  type: SchedulingType;
  /** Seconds between runs for `indefinitely` (Make's minimum is 60). */
  interval?: number;
  /** ISO date-time for `once`. */
  date?: string;
  /** `HH:mm` for daily / weekly / monthly / yearly. */
  time?: string;
  /** Weekdays (0 = Sunday) for weekly; days of the month (1–31) for monthly / yearly. */
  days?: number[];
  months?: number[];
  between?: Between;
  restrict?: Restriction[];
}

/**
 * Where an interval schedule's runs start. Make counts from the moment the scenario is activated,
 * which neither the blueprint nor the scheduling object carries; we start at the first instant of
 * the month, which gives exactly `month length ÷ interval` runs for intervals that divide a day
 * (open choice, docs/fidelity.md).
 */
export function intervalAnchor(monthStart: DateTime): DateTime {
  return monthStart;
}

/** How many times the schedule starts a run in `month`. `immediately` / `on-demand` have no clock: 0. */
export function runsInMonth(scheduling: Scheduling, month: CalendarMonth): number {
  const { start, end } = monthBounds(month);
  const allowed = (time: DateTime) => allowedAt(scheduling, time);
  switch (scheduling.type) {
    case 'indefinitely':
      return countInterval(scheduling.interval ?? 900, { start: intervalAnchor(start), end }, allowed);
    case 'once': {
      if (!scheduling.date) return 0;
      const at = luxon().DateTime.fromISO(scheduling.date, { zone: month.timezone });
      return at >= start && at < end && allowed(at) ? 1 : 0;
    }
    case 'daily':
    case 'weekly':
    case 'monthly':
    case 'yearly':
      return countCron(cronPattern(scheduling), { start, end }, allowed);
    default:
      return 0;
  }
}

interface Span {
  start: DateTime;
  end: DateTime;
}

function countInterval(seconds: number, span: Span, allowed: (t: DateTime) => boolean): number {
  const step = Math.max(1, Math.floor(seconds)) * 1000;
  const last = span.end.toMillis();
  let count = 0;
  for (let ms = span.start.toMillis(); ms < last; ms += step) {
    if (allowed(luxon().DateTime.fromMillis(ms, { zone: span.start.zone }))) count++;
  }
  return count;
}

/** Croner's own calendar (time zones, DST, months without a 31st) over [start, end). */
function countCron(pattern: string, span: Span, allowed: (t: DateTime) => boolean): number {
  const zone = span.start.zoneName ?? 'UTC';
  const cron = new Cron(pattern, { timezone: zone, paused: true });
  let previous = new Date(span.start.toMillis() - 1);
  let count = 0;
  for (;;) {
    const next = cron.nextRun(previous);
    if (!next || next.getTime() >= span.end.toMillis()) return count;
    if (allowed(luxon().DateTime.fromJSDate(next, { zone }))) count++;
    previous = next;
  }
}

/** The calendar types as cron patterns (minute hour day-of-month month day-of-week). */
export function cronPattern(s: Scheduling): string {
  const [hour, minute] = parseTime(s.time ?? '00:00');
  const list = (values: number[] | undefined) => (values && values.length > 0 ? values.join(',') : '*');
  switch (s.type) {
    case 'weekly':
      return `${minute} ${hour} * * ${list(s.days)}`;
    case 'monthly':
      return `${minute} ${hour} ${list(s.days)} * *`;
    case 'yearly':
      return `${minute} ${hour} ${list(s.days)} ${list(s.months)} *`;
    default:
      return `${minute} ${hour} * * *`;
  }
}

/** `15m`, `1h`, `90s`, `1d` (or bare minutes) → seconds; undefined when not a duration. */
export function parseEvery(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)?$/.exec(text.trim());
  if (!match) return undefined;
  const unit = { s: 1, m: 60, h: 3600, d: 86_400 }[(match[2] ?? 'm') as 's' | 'm' | 'h' | 'd'];
  const seconds = Number(match[1]) * unit;
  return seconds > 0 ? seconds : undefined;
}
