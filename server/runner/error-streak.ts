/**
 * Consecutive errors and deactivation (execution-spec §4.5): `maxErrors` runs in a row ending in
 * error switch scheduling off; instant-trigger scenarios on the first error; some error types at
 * once (the engine says so in `record.consecutiveErrors.deactivateNow`).
 */
import type { ExecutionRecord } from '../../engine/runtime/record.ts';

export interface StreakDecision {
  count: number;
  deactivate: boolean;
}

/**
 * A success ends the streak. A warning neither counts nor ends it (spec: "warnings never count";
 * whether they reset the streak is not documented — we keep the count, see docs/fidelity.md).
 */
export function nextStreak(
  record: Pick<ExecutionRecord, 'status' | 'consecutiveErrors'>,
  scenario: { instant: boolean; maxErrors: number; current: number },
): StreakDecision {
  if (record.status === 'success') return { count: 0, deactivate: false };
  if (record.status === 'warning') return { count: scenario.current, deactivate: false };
  if (record.consecutiveErrors.deactivateNow) return { count: scenario.current + 1, deactivate: true };
  if (!record.consecutiveErrors.counts) return { count: scenario.current, deactivate: false };
  const count = scenario.current + 1;
  return { count, deactivate: scenario.instant || count >= Math.max(1, scenario.maxErrors) };
}
