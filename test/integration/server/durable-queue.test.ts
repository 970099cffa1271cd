import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Child, projectDir, startChild, stopChild } from './child-server.ts';
import { blueprints } from './fixtures.ts';
import { drained, sendNumbered } from './numbered-load.ts';

const TOTAL = 5_000;
const CONCURRENCY = 50;
let children: Child[] = [];
/** Why requests of the last fire() were not acknowledged (shown when an expectation fails). */
let lastRefusals: string[] = [];
afterEach(async () => {
  for (const child of children) await stopChild(child, 'SIGKILL');
  children = [];
});

/** Sends requests n = from … to-1 at CONCURRENCY; returns the n that were answered `Accepted`. */
async function fire(child: Child, [next, end]: [number, number], until?: (acked: number) => boolean) {
  lastRefusals = [];
  const load = { range: { next, end }, concurrency: CONCURRENCY, refusals: lastRefusals };
  return sendNumbered(child, until ? { ...load, until } : load);
}

/** How many executions each `n` got, read from the server database. */
function executionsByN(dir: string): Map<number, number> {
  const db = new Database(join(dir, '.makesim', 'makesim.db'), { readonly: true });
  const counts = new Map<number, number>();
  for (const row of db.prepare('SELECT record FROM executions').all() as Array<{ record: string }>) {
    const record = JSON.parse(row.record) as { modules: Array<{ outputs: Array<{ n?: number }> }> };
    const n = record.modules[0]?.outputs[0]?.n;
    if (typeof n === 'number') counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  db.close();
  return counts;
}

function expectExactlyOnce(acked: number[], counts: Map<number, number>): void {
  const missing = acked.filter((n) => counts.get(n) !== 1);
  expect(missing).toEqual([]);
  const twice = [...counts].filter(([, count]) => count > 1);
  expect(twice).toEqual([]);
}

describe('durable webhook queue on a listening server', () => {
  it('executes each of 5,000 acknowledged requests exactly once', { timeout: 180_000 }, async () => {
    const dir = projectDir({ queued: blueprints.queued() });
    const child = await startChild(dir);
    children.push(child);
    const acked = await fire(child, [0, TOTAL]);
    expect(acked.length).toBe(TOTAL);
    await drained(child, 60);
    await stopChild(child);
    expectExactlyOnce(acked, executionsByN(dir));
  });

  it('loses nothing acknowledged and runs nothing twice across a SIGKILL and restart', {
    timeout: 180_000,
  }, async () => {
    // Sequential runs are slower than intake, so a backlog of acknowledged items exists at the kill.
    const dir = projectDir({ queued: blueprints.queued({ sequential: true }) });
    const first = await startChild(dir);
    children.push(first);
    let killed = false;
    const firstAcked = await fire(first, [0, TOTAL], (count) => {
      if (count >= 1_500 && !killed) {
        killed = true;
        first.process.kill('SIGKILL');
      }
      return false;
    });
    await stopChild(first, 'SIGKILL');
    expect({ killed, acked: firstAcked.length, refusals: lastRefusals.slice(0, 3) }).toMatchObject({
      killed: true,
    });
    const executedBeforeRestart = executionsByN(dir).size;
    expect(executedBeforeRestart).toBeLessThan(firstAcked.length);
    const second = await startChild(dir);
    children.push(second);
    const secondAcked = await fire(second, [TOTAL, TOTAL + 1_000]);
    await drained(second, 60);
    await stopChild(second);
    expectExactlyOnce([...firstAcked, ...secondAcked], executionsByN(dir));
  });
});
