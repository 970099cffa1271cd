/**
 * Checks a scheduling object (https://help.make.com/schedule-a-scenario; the SDK's `scenarios.ts`,
 * https://github.com/integromat/make-typescript-sdk): its type, `interval` ≥ 60 s
 * for `indefinitely`, `date` for `once`, `HH:mm` times, day and month ranges.
 */
import type { Scheduling } from '../store/scenarios.ts';

const TYPES = ['immediately', 'indefinitely', 'once', 'daily', 'weekly', 'monthly', 'yearly', 'on-demand'];

export function schedulingProblems(scheduling: Scheduling): string[] {
  const problems: string[] = [];
  if (!TYPES.includes(scheduling.type)) {
    problems.push(`Scheduling type must be one of ${TYPES.join(', ')}.`);
    return problems;
  }
  if (
    scheduling.type === 'indefinitely' &&
    (typeof scheduling.interval !== 'number' || scheduling.interval < 60)
  ) {
    problems.push('Scheduling interval must be a number of seconds, at least 60.');
  }
  if (scheduling.type === 'once' && Number.isNaN(new Date(String(scheduling.date)).getTime())) {
    problems.push('Scheduling date must be an ISO date for type once.');
  }
  if (scheduling.time !== undefined && !/^([01]?\d|2[0-3]):[0-5]\d$/.test(String(scheduling.time))) {
    problems.push('Scheduling time must be HH:mm.');
  }
  const range = (name: 'days' | 'months', min: number, max: number) => {
    const values = scheduling[name];
    if (
      values !== undefined &&
      (!Array.isArray(values) || values.some((v) => !Number.isInteger(v) || v < min || v > max))
    ) {
      problems.push(`Scheduling ${name} must be integers from ${min} to ${max}.`);
    }
  };
  range('days', scheduling.type === 'weekly' ? 0 : 1, scheduling.type === 'weekly' ? 6 : 31);
  range('months', 1, 12);
  return problems;
}
