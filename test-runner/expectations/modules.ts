/** Per-module expectations: outputs, calls, inputs received, operations, errors; modules that must not run. */
import type { ModuleRecord } from '../../engine/runtime/record.ts';
import { matchPartial } from '../match.ts';
import type { Failure, ModuleExpectation } from '../types.ts';
import { type CheckContext, moduleRef } from './check-context.ts';

export function checkModules(ctx: CheckContext): Failure[] {
  const failures: Failure[] = [];
  for (const [idText, expected] of Object.entries(ctx.expect.modules ?? {})) {
    const id = Number(idText);
    const record = ctx.record.modules.find((m) => m.id === id);
    if (!record) {
      failures.push({ path: `modules.${id}`, message: `the blueprint has no module ${id}`, module: { id } });
      continue;
    }
    failures.push(
      ...checkModule(record, expected, `modules.${id}`).map((f) => ({ ...f, module: moduleRef(ctx, id) })),
    );
  }
  for (const id of ctx.expect.notRun ?? []) {
    const record = ctx.record.modules.find((m) => m.id === id);
    if (record && (record.calls.length > 0 || record.operations > 0 || record.bundlesIn > 0)) {
      failures.push({
        path: `notRun`,
        expected: 0,
        actual: record.bundlesIn,
        message: `module ${id} must not run, but ${record.bundlesIn} bundle(s) reached it`,
        module: moduleRef(ctx, id),
      });
    }
  }
  return failures;
}

function checkModule(record: ModuleRecord, expected: ModuleExpectation, path: string): Failure[] {
  const failures: Failure[] = [];
  if (expected.outputs !== undefined) {
    for (const m of matchPartial(expected.outputs, record.outputs, `${path}.outputs`)) failures.push(m);
  }
  if (expected.calls !== undefined && record.calls.length !== expected.calls) {
    failures.push({
      path: `${path}.calls`,
      expected: expected.calls,
      actual: record.calls.length,
      message: `expected ${expected.calls} call(s), got ${record.calls.length}`,
    });
  }
  if (expected.inputs !== undefined) {
    const inputs = record.calls.map((c) => c.input);
    for (const m of matchPartial(expected.inputs, inputs, `${path}.inputs`)) failures.push(m);
  }
  if (expected.operations !== undefined && record.operations !== expected.operations) {
    failures.push({
      path: `${path}.operations`,
      expected: expected.operations,
      actual: record.operations,
      message: `expected ${expected.operations} operation(s), got ${record.operations}`,
    });
  }
  if (expected.errors !== undefined) {
    for (const m of matchPartial(
      expected.errors,
      record.errors.map((e) => e.type),
      `${path}.errors`,
    ))
      failures.push(m);
  }
  return failures;
}
