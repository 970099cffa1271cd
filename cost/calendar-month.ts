/** The calendar month a monthly estimate is counted over, in the organization's time zone. */
import type { DateTime } from 'luxon';
import { luxon } from '../engine/expression/dates/luxon.ts';

export interface CalendarMonth {
  year: number;
  /** 1–12. */
  month: number;
  timezone: string;
}

/** The month after `now` in `timezone` (the default month to price). */
export function nextMonth(now: Date, timezone: string): CalendarMonth {
  const next = luxon().DateTime.fromJSDate(now, { zone: timezone }).startOf('month').plus({ months: 1 });
  return { year: next.year, month: next.month, timezone };
}

/** `2026-12` → that month. */
export function parseMonth(text: string, timezone: string): CalendarMonth | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: Number(match[1]), month, timezone };
}

export function monthBounds(month: CalendarMonth): { start: DateTime; end: DateTime } {
  const start = luxon().DateTime.fromObject(
    { year: month.year, month: month.month, day: 1 },
    { zone: month.timezone },
  );
  return { start, end: start.plus({ months: 1 }) };
}

export function daysInMonth(month: CalendarMonth): number {
  return monthBounds(month).start.daysInMonth ?? 30;
}

export function monthLabel(month: CalendarMonth): string {
  return `${month.year}-${String(month.month).padStart(2, '0')}`;
}
