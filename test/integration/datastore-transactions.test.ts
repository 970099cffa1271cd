/**
 * The examples of Make's help (https://help.make.com/rollback-error-handler,
 * https://help.make.com/commit-error-handler, https://help.make.com/scenario-settings "Auto commit")
 * end to end on real SQLite: a trigger outputs 3 bundles; two `datastore:UpdateRecord` modules
 * update the bundle's row; the second fails on bundle 2 (its key does not exist, upsert off).
 * Expected rows follow those pages:
 *   Rollback, auto commit off — bundle 2's changes in all ACID modules reverted: row2 keeps "old".
 *   Rollback, auto commit on  — only the failing module's change prevented: row2 = first update.
 *   Commit                    — bundle 1 applied, bundle 2's first update kept, bundle 3 untouched.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config/load-config.ts';
import { createRunEnvironment, type RunEnvironment } from '../../config/run-environment.ts';
import { loadScenario } from '../../engine/index.ts';
import { SimulatedClock } from '../../engine/ports/clock.ts';
import { ModuleRegistry } from '../../engine/registry/registry.ts';
import { runScenario } from '../../engine/runtime/run-scenario.ts';
import { builtinModules } from '../../modules/index.ts';

const STORE = 4242;

function update(id: number, key: string, value: string, onerror?: unknown[]) {
  return {
    id,
    module: 'datastore:UpdateRecord',
    version: 1,
    parameters: { datastore: STORE },
    mapper: { key, upsert: false, overwriteArrays: false, data: { value } },
    ...(onerror ? { onerror } : {}),
  };
}

function blueprint(directive: 'builtin:Rollback' | 'builtin:Commit', autoCommit: boolean) {
  return {
    name: 'worked example',
    flow: [
      { id: 1, module: 'app:watchRows', version: 1, mapper: {} },
      update(2, 'row{{1.n}}', 'A{{1.n}}'),
      update(3, '{{1.target}}', '{{1.second}}', [{ id: 9, module: directive, version: 1 }]),
    ],
    metadata: {
      instant: false,
      version: 1,
      scenario: {
        roundtrips: 1,
        maxErrors: 3,
        autoCommit,
        autoCommitTriggerLast: true,
        sequential: false,
        dlq: false,
      },
    },
  };
}

/** Bundle 2's second update targets a key that does not exist: DataError (errors.ts). */
const INPUT = [
  { n: 1, target: 'row1', second: 'B1' },
  { n: 2, target: 'no-such-row', second: 'B2' },
  { n: 3, target: 'row3', second: 'B3' },
];

let env: RunEnvironment | undefined;
let dir: string | undefined;
afterEach(() => {
  env?.close();
  env = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function run(
  directive: 'builtin:Rollback' | 'builtin:Commit',
  autoCommit: boolean,
  database = ':memory:',
) {
  const config = parseConfig({ dataStores: [{ name: 'rows', makeId: STORE }] }, { root: '/project' });
  env = createRunEnvironment(config, { database });
  const rows = env.dataStores.store(STORE);
  for (const key of ['row1', 'row2', 'row3']) rows.put(key, { value: 'old' });
  const scenario = loadScenario(blueprint(directive, autoCommit), {
    registry: new ModuleRegistry(builtinModules),
  });
  const record = await runScenario(scenario, {
    input: INPUT,
    clock: new SimulatedClock('2026-01-01T00:00:00Z'),
    random: () => 0.5,
    dataStores: env.dataStores,
    http: env.http,
    vars: env.vars,
    timezone: env.timezone,
  });
  const table = Object.fromEntries(rows.search({}).map((r) => [r.key, r.data.value]));
  return { record, table, depth: env.dataStores.depth };
}

describe('https://help.make.com/rollback-error-handler worked examples on SQLite', () => {
  it('Rollback with auto commit off reverts bundle 2 in both modules; bundle 1 stays; bundle 3 never runs', async () => {
    const { record, table, depth } = await run('builtin:Rollback', false);
    expect(table).toEqual({ row1: 'B1', row2: 'old', row3: 'old' });
    expect(record.modules.find((m) => m.id === 3)?.errors.map((e) => e.type)).toEqual(['DataError']);
    expect(depth).toBe(0);
  });

  it('Rollback with auto commit on prevents only the failing change: row 2 keeps the first update', async () => {
    const { table, depth } = await run('builtin:Rollback', true);
    expect(table).toEqual({ row1: 'B1', row2: 'A2', row3: 'old' });
    expect(depth).toBe(0);
  });

  it('Commit keeps bundle 1 and bundle 2’s first update, and leaves bundle 3 untouched', async () => {
    const { table, depth } = await run('builtin:Commit', false);
    expect(table).toEqual({ row1: 'B1', row2: 'A2', row3: 'old' });
    expect(depth).toBe(0);
  });

  it('behaves the same on a file database', async () => {
    dir = mkdtempSync(join(tmpdir(), 'makesim-tx-'));
    const { table } = await run('builtin:Rollback', false, join(dir, '.makesim', 'makesim.db'));
    expect(table).toEqual({ row1: 'B1', row2: 'old', row3: 'old' });
  });
});
