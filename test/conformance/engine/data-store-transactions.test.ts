/**
 * worked examples (https://help.make.com/rollback-error-handler, commit-error-handler) with the real SQLite
 * data store: two "Update a record" modules, the second fails on bundle 2 of 3.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/blueprint/load.ts';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';
import { runScenario } from '../../../engine/runtime/run-scenario.ts';
import { SqliteDataStore } from '../../../modules/datastore/sqlite-data-store.ts';
import { builtinModules } from '../../../modules/index.ts';

const STORE = 4242;

function blueprint(directive: 'builtin:Rollback' | 'builtin:Commit', autoCommit: boolean) {
  return {
    name: 'worked example',
    flow: [
      { id: 1, module: 'app:watchRows', version: 1, mapper: {} },
      {
        id: 2,
        module: 'datastore:UpdateRecord',
        version: 1,
        parameters: { datastore: STORE },
        mapper: { key: 'row{{1.n}}', data: { v: 'A{{1.n}}' } },
      },
      {
        id: 3,
        module: 'datastore:UpdateRecord',
        version: 1,
        parameters: { datastore: STORE },
        // Bundle 2 targets a key that does not exist (no upsert): the module fails.
        mapper: { key: '{{1.target}}', data: { v: 'B{{1.n}}' } },
        onerror: [{ id: 4, module: directive, version: 1 }],
      },
    ],
    metadata: { instant: false, scenario: { autoCommit } },
  };
}

async function runExample(directive: 'builtin:Rollback' | 'builtin:Commit', autoCommit: boolean) {
  const dataStores = new SqliteDataStore({ database: ':memory:', stores: [{ name: 'rows', makeId: STORE }] });
  const store = dataStores.store(STORE);
  for (const key of ['row1', 'row2', 'row3']) store.put(key, { v: 'old' });
  const scenario = loadScenario(blueprint(directive, autoCommit), {
    registry: new ModuleRegistry(builtinModules),
  });
  const input = [
    { n: 1, target: 'row1' },
    { n: 2, target: 'missing' },
    { n: 3, target: 'row3' },
  ];
  const record = await runScenario(scenario, {
    input,
    dataStores,
    clock: new SimulatedClock(0),
    executionId: 'ds',
  });
  const rows = Object.fromEntries(['row1', 'row2', 'row3'].map((key) => [key, store.get(key)?.data.v]));
  dataStores.close();
  return { record, rows };
}

describe('transactions with the SQLite data store (https://help.make.com/rollback-error-handler)', () => {
  it('Rollback with auto commit on: only the failing module’s change is prevented', async () => {
    const { record, rows } = await runExample('builtin:Rollback', true);
    expect(record.status).toBe('error');
    expect(rows).toEqual({ row1: 'B1', row2: 'A2', row3: 'old' });
  });

  it('Rollback with auto commit off: bundle 2 is reverted in every module, bundle 1 stays, bundle 3 never runs', async () => {
    const { record, rows } = await runExample('builtin:Rollback', false);
    expect(record.status).toBe('error');
    expect(rows).toEqual({ row1: 'B1', row2: 'old', row3: 'old' });
  });

  it('Commit: bundle 1 applied, bundle 2’s first update kept, bundle 3 untouched; status success', async () => {
    const { record, rows } = await runExample('builtin:Commit', false);
    expect(record.status).toBe('success');
    expect(rows).toEqual({ row1: 'B1', row2: 'A2', row3: 'old' });
  });
});
