/**
 * Data store writes: 100,000 `datastore:AddRecord` operations inside ONE execution (a trigger
 * outputs 100,000 bundles, each added under its own key), through the real loader, runtime and
 * SQLite store, with auto commit on (a savepoint per operation, Make's help:
 * https://help.make.com/rollback-error-handler) and off; and the module's
 * run() called directly in one transaction, to tell the store's cost from the engine's.
 * Target: ≥ 50,000 records/s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../engine/index.ts';
import { SimulatedClock } from '../engine/ports/clock.ts';
import type { ModuleContext } from '../engine/registry/define-module.ts';
import { runScenario } from '../engine/runtime/run-scenario.ts';
import addRecord from '../modules/datastore/add-record.ts';
import { SqliteDataStore } from '../modules/datastore/sqlite-data-store.ts';
import { defaultRegistry } from '../modules/index.ts';
import { verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

const RECORDS = 100_000;
const TARGET = 50_000;
const STORE = 1;

function blueprint(autoCommit: boolean) {
  return {
    name: 'bench',
    flow: [
      { id: 1, module: 'app:watchThings', version: 1, mapper: {} },
      {
        id: 2,
        module: 'datastore:AddRecord',
        version: 1,
        parameters: { datastore: STORE },
        mapper: { key: 'k{{1.n}}', overwrite: false, data: { n: '{{1.n}}', name: '{{1.name}}' } },
      },
    ],
    metadata: {
      instant: false,
      version: 1,
      scenario: { roundtrips: 1, maxErrors: 3, autoCommit, autoCommitTriggerLast: true },
    },
  };
}

async function addAll(database: string, autoCommit: boolean): Promise<{ perSecond: number; stored: number }> {
  const port = new SqliteDataStore({
    database,
    // Room for 100,000 small records (~40 bytes each) above Make's 1 MB default.
    stores: [{ name: 'bench', makeId: STORE, maxBytes: 64 * 1024 * 1024 }],
  });
  const scenario = loadScenario(blueprint(autoCommit), { registry: defaultRegistry });
  const input = Array.from({ length: RECORDS }, (_, n) => ({ n, name: `name ${n}` }));
  const start = performance.now();
  const record = await runScenario(scenario, {
    input,
    record: 'summary',
    dataStores: port,
    clock: new SimulatedClock('2026-01-01T00:00:00Z'),
    random: () => 0.5,
  });
  const ms = performance.now() - start;
  if (record.status !== 'success') throw new Error(`bench run failed: ${JSON.stringify(record.error)}`);
  const stored = port.store(STORE).count();
  port.close();
  return { perSecond: (RECORDS / ms) * 1000, stored };
}

/** The same 100,000 adds calling the module's run() directly inside one transaction: the store's own cost. */
async function addDirect(): Promise<number> {
  const port = new SqliteDataStore({
    database: ':memory:',
    stores: [{ name: 'bench', makeId: STORE, maxBytes: 64 * 1024 * 1024 }],
  });
  const ctx = {
    dataStores: port,
    evalContext: { uuid: () => '00000000-0000-4000-8000-000000000000' },
  } as unknown as ModuleContext;
  const node = {
    id: 2,
    key: addRecord.key,
    version: 1,
    label: undefined,
    parameters: { datastore: STORE },
    raw: {},
  };
  const run = addRecord.run;
  if (run === undefined) throw new Error('AddRecord has no run()');
  const start = performance.now();
  port.begin();
  for (let n = 0; n < RECORDS; n++) {
    await run(
      {
        input: { key: `k${n}`, overwrite: false, data: { n: String(n), name: `name ${n}` } },
        parameters: node.parameters,
        node,
      },
      ctx,
    );
  }
  port.commit();
  const ms = performance.now() - start;
  port.close();
  return (RECORDS / ms) * 1000;
}

export const datastoreSuite: BenchSuite = {
  name: 'datastore',
  title: `${RECORDS.toLocaleString('en-US')} AddRecord operations in one execution (engine + SQLite)`,
  async run() {
    console.log(
      verdict('AddRecord.run() direct, :memory:, one transaction', await addDirect(), TARGET, '/s'),
    );
    const dir = mkdtempSync(join(tmpdir(), 'makesim-bench-'));
    try {
      for (const [label, database] of [
        [':memory:', ':memory:'],
        ['file, WAL', join(dir, 'bench.db')],
      ] as const) {
        for (const autoCommit of [true, false]) {
          const { perSecond, stored } = await addAll(
            database === ':memory:' ? database : `${database}.${autoCommit}`,
            autoCommit,
          );
          const name = `AddRecord, ${label}, auto commit ${autoCommit ? 'on' : 'off'} (${stored} stored)`;
          console.log(verdict(name, perSecond, TARGET, '/s'));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
