/**
 * Where the credits go, and the standard fixes with the saving each brings — computed from the
 * model, never guessed. Fixes (HC `how-features-use-credits`, Make Academy "using credits
 * effectively"): filter earlier, batch per-item app calls with an aggregator, lengthen the
 * interval, use an instant (webhook) trigger instead of polling.
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { batching, filterEarlier, name } from './advice-flow.ts';
import type { CostModel } from './model.ts';
import type { Monthly } from './monthly.ts';
import { type CalendarMonth, runsInMonth, type Scheduling } from './schedule.ts';
import { clean } from './term.ts';

export type AdviceCode =
  | 'filter-earlier'
  | 'batch-with-aggregator'
  | 'lengthen-interval'
  | 'webhook-instead-of-polling';

export interface Advice {
  code: AdviceCode;
  moduleIds: number[];
  message: string;
  /** Credits saved per run (0 for schedule-level fixes). */
  savingPerRun: number;
  /** Credits saved per month, when a monthly estimate exists. */
  savingPerMonth: number | undefined;
}

export interface Dominant {
  id: number;
  label: string;
  /** Credits per run; the high end for a usage-billed module. */
  credits: number;
  share: number;
  billedByUsage: boolean;
}

/**
 * Modules carrying at least this share of a run's credits, and more than an even share, are called
 * dominant. Usage-billed modules count at the high end of their range.
 */
export const DOMINANT_SHARE = 0.2;

export function dominantModules(model: CostModel): Dominant[] {
  const high = (m: CostModel['modules'][number]) => m.creditsRange?.max ?? m.credits;
  const total = model.creditsRange.max;
  const charged = model.modules.filter((m) => high(m) > 0).length;
  if (total <= 0 || charged === 0) return [];
  return model.modules
    .filter((m) => high(m) / total >= DOMINANT_SHARE && high(m) / total > 1 / charged)
    .sort((a, b) => high(b) - high(a))
    .map((m) => ({
      id: m.id,
      label: name(m),
      credits: high(m),
      share: high(m) / total,
      billedByUsage: m.creditsRange !== undefined,
    }));
}

export interface AdviceInput {
  scenario: Scenario;
  model: CostModel;
  monthly?: Monthly;
  scheduling?: Scheduling;
  month?: CalendarMonth;
  polling: boolean;
}

export function advise(input: AdviceInput): Advice[] {
  const perMonth = (perRun: number) =>
    input.monthly ? clean(perRun * input.monthly.runsWithData) : undefined;
  const out: Advice[] = [];
  for (const a of [...filterEarlier(input.scenario, input.model), ...batching(input.scenario, input.model)])
    out.push({ ...a, savingPerMonth: perMonth(a.savingPerRun) });
  out.push(...scheduleAdvice(input));
  return out
    .filter((a) => a.savingPerRun > 0 || (a.savingPerMonth ?? 0) > 0)
    .sort((a, b) => saving(b) - saving(a));
}

function saving(a: Advice): number {
  return a.savingPerMonth ?? a.savingPerRun;
}

function scheduleAdvice({ monthly, scheduling, month, polling, scenario }: AdviceInput): Advice[] {
  if (!monthly || !polling) return [];
  const out: Advice[] = [];
  const trigger = scenario.flow[0];
  const checkCredits = monthly.emptyRuns > 0 ? monthly.emptyCheckCredits / monthly.emptyRuns : 1;
  if (scheduling?.type === 'indefinitely' && month) {
    const interval = scheduling.interval ?? 900;
    const fewer = monthly.runs - runsInMonth({ ...scheduling, interval: interval * 2 }, month);
    out.push({
      code: 'lengthen-interval',
      moduleIds: trigger ? [trigger.id] : [],
      message: `Run every ${(interval * 2) / 60} min instead of every ${interval / 60} min: ${fewer.toLocaleString('en-US')} fewer checks a month (the same data is then processed in larger batches).`,
      savingPerRun: 0,
      savingPerMonth: clean(fewer * checkCredits),
    });
  }
  out.push({
    code: 'webhook-instead-of-polling',
    moduleIds: trigger ? [trigger.id] : [],
    message: `Use an instant (webhook) trigger if the app offers one: the ${monthly.emptyRuns.toLocaleString('en-US')} checks a month that find nothing would not run.`,
    savingPerRun: 0,
    savingPerMonth: clean(monthly.emptyCheckCredits),
  });
  return out;
}
