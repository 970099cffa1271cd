/**
 * When a scenario runs next, from Make's scheduling object (https://help.make.com/schedule-a-scenario; SDK
 * `scenarios.ts`): `indefinitely` every `interval` s; `once` at `date`; `daily`/`weekly`/`monthly`/
 * `yearly` at `time` on `days`/`months` (croner, in the organization's time zone; a day that does
 * not exist in a month is skipped, as Make does); `immediately`/`on-demand` never on a timer.
 * `between` bounds every type; `restrict` windows filter candidate times.
 */
import { Cron } from 'croner';
import type { Scheduling } from '../store/scenarios.ts';
import { allowedByRestrict, betweenBounds } from './restrict.ts';

/**
 * Make's default when a scenario has no scheduling: every 15 minutes
 * (https://help.make.com/schedule-a-scenario).
 */
export const DEFAULT_INTERVAL_SECONDS = 900;

const MAX_CANDIDATES = 5_000;

export function nextRunAfter(scheduling: Scheduling, after: Date, timezone: string): Date | null {
  const bounds = betweenBounds(scheduling.between);
  const early = bounds.start !== undefined && bounds.start > after;
  let from = early && bounds.start ? new Date(bounds.start.getTime() - 1) : after;
  for (let i = 0; i < MAX_CANDIDATES; i++) {
    // Intervals count from the start of `between` when it lies ahead.
    const candidate =
      i === 0 && early && scheduling.type === 'indefinitely'
        ? (bounds.start ?? null)
        : candidateAfter(scheduling, from, timezone);
    if (!candidate) return null;
    if (bounds.end && candidate > bounds.end) return null;
    if (allowedByRestrict(scheduling.restrict, candidate, timezone)) return candidate;
    from = candidate;
  }
  return null;
}

function candidateAfter(scheduling: Scheduling, after: Date, timezone: string): Date | null {
  switch (scheduling.type) {
    case 'indefinitely':
      return new Date(after.getTime() + Math.max(1, scheduling.interval ?? DEFAULT_INTERVAL_SECONDS) * 1000);
    case 'once': {
      const at = scheduling.date ? new Date(scheduling.date) : null;
      return at && !Number.isNaN(at.getTime()) && at > after ? at : null;
    }
    case 'daily':
    case 'weekly':
    case 'monthly':
    case 'yearly': {
      const cron = new Cron(cronPattern(scheduling), { timezone, paused: true });
      const next = cron.nextRun(after);
      cron.stop();
      return next;
    }
    default:
      return null;
  }
}

/** The croner pattern (`m H dom mon dow`) of a calendar schedule. */
export function cronPattern(scheduling: Scheduling): string {
  const [hour = '0', minute = '0'] = (scheduling.time ?? '00:00').split(':');
  const list = (values: number[] | undefined) => (values && values.length > 0 ? values.join(',') : '*');
  const time = `${Number(minute)} ${Number(hour)}`;
  if (scheduling.type === 'weekly') return `${time} * * ${list(scheduling.days)}`;
  if (scheduling.type === 'monthly') return `${time} ${list(scheduling.days)} * *`;
  if (scheduling.type === 'yearly') return `${time} ${list(scheduling.days)} ${list(scheduling.months)} *`;
  return `${time} * * *`;
}

/** Scheduling types that run on a timer. */
export function isTimed(scheduling: Scheduling): boolean {
  return ['indefinitely', 'once', 'daily', 'weekly', 'monthly', 'yearly'].includes(scheduling.type);
}
