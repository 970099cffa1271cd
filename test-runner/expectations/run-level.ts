/** Run-level expectations: status, error type, operation counts. */
import { show } from '../match.ts';
import type { Failure } from '../types.ts';
import type { CheckContext } from './check-context.ts';

export function checkRunLevel({ expect, record }: CheckContext): Failure[] {
  const failures: Failure[] = [];
  if (expect.status !== undefined && record.status !== expect.status) {
    const why = record.error ? ` (${record.error.type}: ${record.error.message})` : '';
    failures.push({
      path: 'status',
      expected: expect.status,
      actual: record.status,
      message: `expected status ${expect.status}, got ${record.status}${why}`,
    });
  }
  if (expect.error !== undefined && record.error?.type !== expect.error) {
    failures.push({
      path: 'error',
      expected: expect.error,
      actual: record.error?.type,
      message: `expected the run to end with ${expect.error}, got ${show(record.error?.type ?? null)}`,
    });
  }
  failures.push(...checkOperations(expect.operations, record.operations));
  if (expect.maxOperations !== undefined && record.operations > expect.maxOperations) {
    failures.push({
      path: 'maxOperations',
      expected: expect.maxOperations,
      actual: record.operations,
      message: `the run used ${record.operations} operations, more than the allowed ${expect.maxOperations}`,
    });
  }
  return failures;
}

function checkOperations(expected: CheckContext['expect']['operations'], actual: number): Failure[] {
  if (expected === undefined) return [];
  if (typeof expected === 'number') {
    return expected === actual
      ? []
      : [{ path: 'operations', expected, actual, message: `expected ${expected} operations, got ${actual}` }];
  }
  const failures: Failure[] = [];
  if (expected.max !== undefined && actual > expected.max) {
    failures.push({
      path: 'operations.max',
      expected: expected.max,
      actual,
      message: `expected at most ${expected.max} operations, got ${actual}`,
    });
  }
  if (expected.min !== undefined && actual < expected.min) {
    failures.push({
      path: 'operations.min',
      expected: expected.min,
      actual,
      message: `expected at least ${expected.min} operations, got ${actual}`,
    });
  }
  return failures;
}
