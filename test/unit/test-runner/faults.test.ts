/** Issue 12 §4: `makesim test --faults` — error routes, directives and cases under injected errors. */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FAULT_TYPES } from '../../../test-runner/faults/fault-plan.ts';
import { runFaults } from '../../../test-runner/faults/run-faults.ts';
import { runSuite } from '../../../test-runner/run-suite.ts';
import { NO_COLOR_ENV, runCli } from '../../helpers/cli.ts';

const dir = resolve(import.meta.dirname, '../../fixtures/trust');

async function faultsOf(file: string) {
  const suite = await runSuite({ files: [join(dir, file)], cwd: dir });
  expect(suite.results.every((r) => r.passed)).toBe(true);
  return runFaults(suite.blueprints[0]!, { types: DEFAULT_FAULT_TYPES });
}

describe('fault injection', () => {
  it('fails the module with each error type, reaches its route, and lists the cases that do not hold', async () => {
    const report = await faultsOf('faults.test.json');
    expect(report.runs).toBe(4);
    expect(report.unreachedRoutes).toEqual([]);
    // The Resume runs only under a fault, and no passing case asserts what it does.
    expect(report.unassertedDirectives).toEqual([{ moduleId: 3, directive: 'builtin:Resume', routeOf: 2 }]);
    // Resume substitutes `{}`: module 4 no longer outputs status 200, whatever the error type.
    expect(report.brokenCases.map((b) => [b.case, b.moduleId, b.errorType])).toEqual(
      DEFAULT_FAULT_TYPES.map((type) => ['answered', 2, type]),
    );
    expect(report.brokenCases[0]?.failure).toMatch(
      /^module 4 "Remember status" › modules\.4\.outputs\[0\]\.status/,
    );
  });

  it('lists an error route whose module no case runs', async () => {
    const report = await faultsOf('faults-unreached.test.json');
    expect(report.runs).toBe(0);
    expect(report.unreachedRoutes).toEqual([{ moduleId: 2, label: 'Fetch order' }]);
  });

  it('is a report (exit 0) unless --faults=strict (exit 1); an unknown mode is bad usage', async () => {
    const file = join(dir, 'faults.test.json');
    const run = (...flags: string[]) => runCli(['test', file, ...flags], { cwd: dir, env: NO_COLOR_ENV });
    const report = await run('--faults');
    expect(report.code).toBe(0);
    expect(report.out).toContain('outcome not asserted: Resume module 3 (error route of module 2)');
    expect((await run('--faults=strict')).code).toBe(1);
    expect((await run('--faults=loud')).code).toBe(2);
    expect((await run('--faults', '--fault-types', 'DataError,Nope')).code).toBe(2);
  });
});
