/**
 * The record of a run the engine could not complete at all (it threw instead of returning a
 * record): an `error` execution so the failure shows in history and counts toward the streak.
 */
import type { ExecutionRecord } from '../../engine/runtime/record.ts';

export function failedRecord(input: {
  executionId: string;
  scenario: string;
  error: unknown;
  now: Date;
}): ExecutionRecord {
  const message = input.error instanceof Error ? input.error.message : String(input.error);
  const type =
    input.error instanceof Error && 'type' in input.error ? String(input.error.type) : 'RuntimeError';
  const at = input.now.toISOString();
  return {
    id: input.executionId,
    scenario: input.scenario,
    status: 'error',
    operations: 0,
    centicredits: 0,
    cycles: 0,
    startedAt: at,
    finishedAt: at,
    durationMs: 0,
    error: { type, message },
    warnings: [],
    modules: [],
    incomplete: [],
    response: null,
    consecutiveErrors: { counts: true, deactivateNow: false },
    paths: {},
    summary: false,
  };
}
