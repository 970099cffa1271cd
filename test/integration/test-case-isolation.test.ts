/**
 * Cases share a thread's reused databases and cached config (issue 14 §4), never state: what one
 * case writes, the next case in the same thread does not see.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryDatabases } from '../../modules/datastore/memory-databases.ts';
import { runSuite } from '../../test-runner/run-suite.ts';

const root = resolve(import.meta.dirname, '../..');
const order = { type: 'order', orderId: 'A-1001', customer: 'Ada', total: 20 };

/** The same order twice: the second case passes only if the first case's record is gone. */
function suiteFile(dir: string): string {
  const stores = {
    status: 'success',
    // Module 2 checks whether the order was seen: a leaked record would make it `true`.
    modules: { '2': { outputs: [{ exist: false }] } },
    operations: 4,
    dataStores: { 'seen-orders': { 'A-1001': { customer: 'Ada', total: 20 } } },
  };
  const file = join(dir, 'isolation.test.json');
  writeFileSync(
    file,
    JSON.stringify({
      blueprint: join(root, 'blueprints', 'data-store.blueprint.json'),
      cases: [
        { name: 'A stores the order', input: order, expect: stores },
        { name: 'B, after A, does not see it', input: order, expect: stores },
        {
          name: 'C, after B, does not see it either',
          input: { ...order, total: 5 },
          expect: { operations: 4 },
        },
      ],
    }),
  );
  return file;
}

describe('cases that run one after another in one thread', () => {
  it('each start from an empty data store, though they reuse one database', async () => {
    const file = suiteFile(mkdtempSync(join(tmpdir(), 'makesim-isolation-')));
    const suite = await runSuite({ files: [file], cwd: root, workers: 1, concurrency: 1 });
    expect(suite.fileErrors).toEqual([]);
    expect(suite.results.map((r) => [r.name, r.passed, r.failures])).toEqual([
      ['A stores the order', true, []],
      ['B, after A, does not see it', true, []],
      ['C, after B, does not see it either', true, []],
    ]);
    // The database was handed back, so B and C ran on the one A wrote to.
    expect(memoryDatabases.freeCount).toBeGreaterThan(0);
  });
});
