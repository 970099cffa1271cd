/**
 * vitest matchers over execution records: `expect(record).toHaveStatus('success')`,
 * `.toHaveOperations(31)`, `.toHaveRun(4)`, `.toHaveOutput(4, { name: 'Ana' })`, and on a
 * `runScenario` result `.toHaveFakes({ slack: { C1: [{ text: 'Hi' }] } })`.
 * Register with `import 'makesim/vitest'` (see docs/testing.md).
 */
import type { ExecutionRecord } from '../engine/runtime/record.ts';
import { matchPartial, show } from './match.ts';

interface MatcherResult {
  pass: boolean;
  message: () => string;
  actual?: unknown;
  expected?: unknown;
}

function asRecord(received: unknown): ExecutionRecord {
  const r = received as Partial<ExecutionRecord> | null;
  if (!r || typeof r !== 'object' || !Array.isArray(r.modules) || typeof r.status !== 'string') {
    throw new TypeError(`expected an execution record from runScenario, got ${show(received)}`);
  }
  return r as ExecutionRecord;
}

export const makesimMatchers = {
  toHaveStatus(received: unknown, status: ExecutionRecord['status']): MatcherResult {
    const record = asRecord(received);
    const why = record.error ? ` (${record.error.type}: ${record.error.message})` : '';
    return {
      pass: record.status === status,
      message: () => `expected status ${status}, got ${record.status}${why}`,
      actual: record.status,
      expected: status,
    };
  },

  toHaveOperations(received: unknown, operations: number): MatcherResult {
    const record = asRecord(received);
    return {
      pass: record.operations === operations,
      message: () => `expected ${operations} operations, got ${record.operations}`,
      actual: record.operations,
      expected: operations,
    };
  },

  toHaveRun(received: unknown, moduleId: number): MatcherResult {
    const module = asRecord(received).modules.find((m) => m.id === moduleId);
    const ran = module !== undefined && (module.bundlesIn > 0 || module.operations > 0);
    return {
      pass: ran,
      message: () =>
        module === undefined
          ? `the blueprint has no module ${moduleId}`
          : ran
            ? `expected module ${moduleId} not to run, but it did (${module.bundlesIn} bundle(s) in)`
            : `expected module ${moduleId} to run, but no bundle reached it`,
    };
  },

  toHaveOutput(received: unknown, moduleId: number, partial: unknown): MatcherResult {
    const module = asRecord(received).modules.find((m) => m.id === moduleId);
    const outputs = module?.outputs ?? [];
    const pass = outputs.some((o) => matchPartial(partial, o).length === 0);
    return {
      pass,
      message: () =>
        pass
          ? `expected no output of module ${moduleId} to match ${show(partial)}`
          : `expected an output of module ${moduleId} to match ${show(partial)}; outputs: ${show(outputs)}`,
      actual: outputs,
      expected: partial,
    };
  },

  /** Deep partial match of the fakes' state after the run, as a test case's `expect.fakes`. */
  toHaveFakes(received: unknown, partial: Record<string, unknown>): MatcherResult {
    const fakes = (received as { fakes?: unknown } | null)?.fakes;
    if (!fakes || typeof fakes !== 'object') {
      throw new TypeError(
        `expected the result of runScenario (it has the fakes' state), got ${show(received)}`,
      );
    }
    const actual = fakes as Record<string, unknown>;
    const problems = Object.entries(partial).flatMap(([name, state]) =>
      Object.hasOwn(actual, name)
        ? matchPartial(state, actual[name], `fakes.${name}`).map((m) => `${m.path}: ${m.message}`)
        : [`fakes.${name}: the run seeds no fake "${name}" (give it under options.fakes; {} is enough)`],
    );
    return {
      pass: problems.length === 0,
      message: () =>
        problems.length === 0
          ? `expected the fakes' state not to match ${show(partial)}`
          : `expected the fakes' state to match:\n${problems.join('\n')}`,
      actual,
      expected: partial,
    };
  },
};

export interface MakesimMatchers<R = unknown> {
  toHaveStatus(status: ExecutionRecord['status']): R;
  toHaveOperations(operations: number): R;
  toHaveRun(moduleId: number): R;
  toHaveOutput(moduleId: number, partial: unknown): R;
  toHaveFakes(partial: Record<string, unknown>): R;
}
