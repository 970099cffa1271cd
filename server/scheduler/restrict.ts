/**
 * Advanced scheduling (Make's help: https://help.make.com/schedule-a-scenario): `between` start/end dates and
 * `restrict` windows (`[{days, months, time: [from, to]}]`, days 0–6 Sunday = 0, months 1–12, times `HH:mm`
 * in the organization's zone). A candidate run is allowed when it falls in ANY window — the SDK gives
 * the shape only; the any-window reading is our choice (docs/fidelity.md).
 */
import type { DateTime } from 'luxon';
import { luxon } from '../../engine/expression/dates/luxon.ts';

interface RestrictWindow {
  days?: number[];
  months?: number[];
  time?: [string, string] | string[];
}

export function betweenBounds(between: unknown): { start?: Date; end?: Date } {
  const pair = Array.isArray(between)
    ? { start: between[0], end: between[1] }
    : between && typeof between === 'object'
      ? (between as { start?: unknown; end?: unknown })
      : {};
  return { start: toDate(pair.start), end: toDate(pair.end) };
}

function toDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function allowedByRestrict(restrict: unknown, at: Date, timezone: string): boolean {
  if (!Array.isArray(restrict) || restrict.length === 0) return true;
  const local = luxon().DateTime.fromJSDate(at, { zone: timezone });
  return (restrict as RestrictWindow[]).some((window) => inWindow(window, local));
}

function inWindow(window: RestrictWindow, local: DateTime): boolean {
  if (window.days && window.days.length > 0 && !window.days.includes(local.weekday % 7)) return false;
  if (window.months && window.months.length > 0 && !window.months.includes(local.month)) return false;
  const [from, to] = window.time ?? [];
  if (!from || !to) return true;
  const minute = local.hour * 60 + local.minute;
  const start = toMinutes(from);
  const end = toMinutes(to);
  return start <= end ? minute >= start && minute <= end : minute >= start || minute <= end;
}

function toMinutes(time: string): number {
  const [hour = '0', minute = '0'] = time.split(':');
  return Number(hour) * 60 + Number(minute);
}
