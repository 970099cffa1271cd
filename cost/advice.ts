/**
 * Where the credits go, and what would spend fewer — each saving computed by re-running the model
 * on the changed flow (cost/what-if.ts), never guessed. Fixes from Make's own advice
 * (https://help.make.com/how-features-use-credits; Make Academy "using credits effectively"): filter earlier,
 * a bulk module instead of one call per item, a search before the loop instead of in it, no Sleep or
 * Repeater multiplying work, an aggregator that ends the loop earlier, a longer interval, an
 * instant trigger instead of polling.
 */
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { flowAdvice } from './advice-flow.ts';
import { name } from './advice-names.ts';
import type { CostModel } from './model.ts';
import type { Monthly } from './monthly.ts';
import { type CalendarMonth, runsInMonth, type Scheduling } from './schedule.ts';
import { clean } from './term.ts';

export type AdviceCode =
  | 'filter-earlier'
  | 'bulk-instead-of-per-item'
  | 'search-before-loop'
  | 'sleep-in-loop'
  | 'repeater-multiplies'
  | 'aggregate-earlier'
  | 'lengthen-interval'
  | 'webhook-instead-of-polling';

export interface Advice {
  code: AdviceCode;
  moduleIds: number[];
  message: string;
  /** Credits saved per run or event (0 for schedule-level fixes). */
  savingPerRun: number;
  /** Credits saved per month, when a volume is known. */
  savingPerMonth: number | undefined;
}

export interface CreditShare {
  id: number;
  label: string;
  /** Credits per run; the high end for a usage-billed module. */
  credits: number;
  share: number;
  /** Credits per month, when a volume is known. */
  perMonth: number | undefined;
  billedByUsage: boolean;
}

/** At most this many modules are listed under "where the credits go". */
export const TOP_MODULES = 5;

/** The modules that cost the most, largest first, with their share of a run and of the month. */
export function whereCreditsGo(model: CostModel, month: Monthly | null): CreditShare[] {
  const high = (m: CostModel['modules'][number]) => m.creditsRange?.max ?? m.credits;
  const total = model.creditsRange.max;
  if (total <= 0) return [];
  return model.modules
    .filter((m) => high(m) > 0)
    .sort((a, b) => high(b) - high(a))
    .slice(0, TOP_MODULES)
    .map((m) => ({
      id: m.id,
      label: name(m),
      credits: high(m),
      share: high(m) / total,
      perMonth: month ? clean(high(m) * month.runsWithData) : undefined,
      billedByUsage: m.creditsRange !== undefined,
    }));
}

export interface AdviceInput {
  scenario: Scenario;
  model: CostModel;
  /** The same model on a changed scenario (same inputs, same measured runs). */
  remodel: (scenario: Scenario, items?: ReadonlyMap<string, number>) => CostModel;
  monthly?: Monthly;
  scheduling?: Scheduling;
  month?: CalendarMonth;
  polling: boolean;
}

export function advise(input: AdviceInput): Advice[] {
  const perMonth = (perRun: number) =>
    input.monthly ? clean(perRun * input.monthly.runsWithData) : undefined;
  const out: Advice[] = flowAdvice(input).map((a) => ({ ...a, savingPerMonth: perMonth(a.savingPerRun) }));
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
    message: `Use an instant (webhook) trigger instead of polling ${trigger ? `with ${trigger.label ?? trigger.key} [${trigger.id}]` : ''} if the app offers one: the ${monthly.emptyRuns.toLocaleString('en-US')} checks a month that find nothing would not run.`,
    savingPerRun: 0,
    savingPerMonth: clean(monthly.emptyCheckCredits),
  });
  return out;
}
