/**
 * The month's volume from recorded history: the runs (events) recorded between the first and the
 * last one, scaled to the month — unless a volume was given, which wins. Fewer than an hour of
 * history is too little to project: then the report asks for --events.
 */
import { type CalendarMonth, daysInMonth } from './calendar-month.ts';
import type { History } from './history.ts';
import type { RunsBasis } from './monthly.ts';

const HOUR_MS = 3_600_000;

export function projectHistory(
  history: History,
  month: CalendarMonth,
  given: RunsBasis | undefined,
): { basis: RunsBasis | undefined; note: string } {
  const n = history.runs.length;
  const what = `${n} recorded execution(s) from ${history.from} to ${history.to}`;
  if (given) return { basis: given, note: `Traffic mix: ${what}; volume as given.` };
  const span = Date.parse(history.to) - Date.parse(history.from);
  if (!(span >= HOUR_MS))
    return {
      basis: undefined,
      note: `Traffic mix: ${what}; less than an hour of history, too little to project a month (give --events).`,
    };
  const runs = Math.round((n * daysInMonth(month) * 24 * HOUR_MS) / span);
  return {
    basis: { kind: 'runs-per-month', runs, month },
    note: `Volume projected from ${what}: ${n} in ${(span / HOUR_MS).toFixed(1)} h → ${runs.toLocaleString('en-US')} in the month.`,
  };
}
