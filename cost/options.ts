/**
 * The `makesim cost` options that describe the model and the month, parsed into the cost types.
 * Every malformed value is reported with the option's name and what a good value looks like.
 */

import type { RunsBasis } from './monthly.ts';
import type { ModelInputs } from './parameters.ts';
import { type CalendarMonth, nextMonth, parseEvery, parseMonth, type Scheduling } from './schedule.ts';
import { schedulingProblems, validateScheduling } from './scheduling-schema.ts';
import { parseUsage } from './usage-billed.ts';

export class CostOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CostOptionError';
  }
}

export interface BasisOptions {
  schedule?: string;
  every?: string;
  runsPerMonth?: string;
  webhooksPerDay?: string;
  events?: string;
  month?: string;
}

/** `--items 2=5 --items 7=3` → Map { '2' → 5, '7' → 3 }. */
export function parsePairs(
  values: readonly string[],
  option: string,
  check: (n: number) => boolean,
  what: string,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const value of values) {
    const match = /^(\d+(?:\.\d+)?)=(.+)$/.exec(value.trim());
    const n = match ? Number(match[2]) : Number.NaN;
    if (!match || !check(n))
      throw new CostOptionError(`${option} needs <moduleId>=<${what}>, got "${value}"`);
    out.set(String(match[1]), n);
  }
  return out;
}

export function parseModelInputs(o: {
  items: string[];
  pass: string[];
  usage: string[];
}): Omit<ModelInputs, 'calibration'> {
  const usage: Record<string, { min: number; max: number }> = {};
  for (const text of o.usage) {
    const parsed = parseUsage(text);
    if (!parsed)
      throw new CostOptionError(
        `--usage needs <module key or app>=<min>..<max> credits per operation, got "${text}"`,
      );
    usage[parsed[0]] = parsed[1];
  }
  return {
    items: parsePairs(o.items, '--items', (n) => Number.isFinite(n) && n >= 0, 'bundles per run, e.g. 2=5'),
    pass: parsePairs(o.pass, '--pass', (n) => n >= 0 && n <= 1, 'rate between 0 and 1, e.g. 4=0.3'),
    usage,
  };
}

/** At most one volume option; `fallback` when none. */
export function parseBasis(
  o: BasisOptions,
  ctx: { now: Date; timezone: string; fallback?: Scheduling },
): RunsBasis | undefined {
  const given = [o.schedule, o.every, o.runsPerMonth, o.webhooksPerDay, o.events].filter(
    (v) => v !== undefined,
  );
  if (given.length > 1)
    throw new CostOptionError(
      'give only one of --events, --schedule, --every, --runs-per-month, --webhooks-per-day',
    );
  const month = calendarMonth(o.month, ctx);
  if (o.events !== undefined) return parseEvents(o.events, month);
  if (o.runsPerMonth !== undefined)
    return { kind: 'runs-per-month', runs: count(o.runsPerMonth, '--runs-per-month') };
  if (o.webhooksPerDay !== undefined)
    return { kind: 'webhooks-per-day', perDay: count(o.webhooksPerDay, '--webhooks-per-day'), month };
  if (o.every !== undefined) {
    const interval = parseEvery(o.every);
    if (interval === undefined)
      throw new CostOptionError(`--every needs a duration such as 15m, 1h or 90s, got "${o.every}"`);
    return { kind: 'schedule', scheduling: { type: 'indefinitely', interval }, month };
  }
  if (o.schedule !== undefined) return { kind: 'schedule', scheduling: parseScheduling(o.schedule), month };
  return ctx.fallback ? { kind: 'schedule', scheduling: ctx.fallback, month } : undefined;
}

/** `--events 500/day` (× the days of the month) or `--events 12000/month`. */
export function parseEvents(text: string, month: CalendarMonth): RunsBasis {
  const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(day|month)\s*$/.exec(text);
  if (!match)
    throw new CostOptionError(
      `--events needs <number>/day or <number>/month, e.g. 500/day or 12000/month, got "${text}"`,
    );
  const n = Number(match[1]);
  return match[2] === 'day'
    ? { kind: 'webhooks-per-day', perDay: n, month }
    : { kind: 'runs-per-month', runs: n, month };
}

/** The month asked for, or the next calendar month (`defaulted` so the report can say so). */
export function calendarMonth(text: string | undefined, ctx: { now: Date; timezone: string }): CalendarMonth {
  if (text === undefined) return nextMonth(ctx.now, ctx.timezone);
  const month = parseMonth(text, ctx.timezone);
  if (!month) throw new CostOptionError(`--month needs YYYY-MM, e.g. 2026-12, got "${text}"`);
  return month;
}

export function parseScheduling(text: string): Scheduling {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CostOptionError(
      `--schedule needs Make's scheduling JSON, e.g. '{"type":"indefinitely","interval":900}'`,
    );
  }
  if (!validateScheduling(value)) throw new CostOptionError(`--schedule: ${schedulingProblems().join('; ')}`);
  if (value.type === 'indefinitely' && value.interval === undefined) {
    throw new CostOptionError(
      '--schedule: "interval" (seconds between runs, Make minimum 60) is required for "indefinitely"',
    );
  }
  return value;
}

function count(text: string, option: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0)
    throw new CostOptionError(`${option} needs a number of at least 0, got "${text}"`);
  return n;
}

export function parseRate(text: string | undefined, option: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(n >= 0 && n <= 1))
    throw new CostOptionError(`${option} needs a share between 0 and 1, got "${text}"`);
  return n;
}
