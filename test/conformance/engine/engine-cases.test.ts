/**
 * Engine conformance cases AS DATA: every `cases/*.json` is `{ name, blueprint, input?, mocks?,
 * options?, table?, expect }`, run through the real loader and runtime. `expect` is a deep
 * partial excerpt of the execution record, plus `modulesById` (module records by id), `table`
 * (final rows of the fake ACID table) and `txLog` (participant calls and trigger settlements).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/blueprint/load.ts';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { Mocks } from '../../../engine/registry/mocks.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import type { RunOptions } from '../../../engine/runtime/options.ts';
import { runScenario } from '../../../engine/runtime/run-scenario.ts';
import { builtinModules } from '../../../modules/index.ts';
import { FakeTable, updateRowModule } from './support.ts';

interface EngineCase {
  name: string;
  blueprint: unknown;
  input?: unknown;
  mocks?: Mocks;
  options?: Pick<RunOptions, 'maxCycles' | 'record' | 'limits' | 'timezone' | 'vars'>;
  table?: Record<string, unknown>;
  expect: Record<string, unknown>;
}

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');
const cases = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, data: JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as EngineCase }));

async function runCase(c: EngineCase) {
  const table = new FakeTable(c.table);
  const registry = new ModuleRegistry([...builtinModules, updateRowModule(table)]);
  const scenario = loadScenario(c.blueprint, { registry });
  const record = await runScenario(scenario, {
    ...c.options,
    input: c.input,
    mocks: c.mocks,
    clock: new SimulatedClock('2026-01-01T00:00:00Z'),
    executionId: 'conformance',
    random: () => 0.5,
    dataStores: Object.assign(table, { store: () => unreachable(), list: () => [] }),
    onTriggerCommit: (cycle) => table.log.push(`trigger-commit:${cycle}`),
    onTriggerRollback: (cycle) => table.log.push(`trigger-rollback:${cycle}`),
  });
  const modulesById = Object.fromEntries(record.modules.map((m) => [String(m.id), m]));
  return { ...record, modulesById, table: table.rows, txLog: table.log };
}

function unreachable(): never {
  throw new Error('the conformance cases use the fake table, not data stores');
}

describe('engine conformance cases', () => {
  for (const { file, data } of cases) {
    it(`${data.name} (${file})`, async () => {
      const actual = await runCase(data);
      expect(actual).toMatchObject(data.expect);
    });
  }
});
