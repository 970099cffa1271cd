/**
 * The integrity drive (issue: "3 rounds of 5,000 webhooks at concurrency 50, SIGKILL twice per
 * round, restart and drain, with the default config"): a real `makesim serve` child whose one
 * scenario adds a data-store record per request, killed twice mid-load, restarted and drained.
 * It counts, from the database file: acknowledged requests with no execution or no record, requests
 * executed twice, and records written twice. The integration test runs it small, the bench full size.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { projectDir, startChild, stopChild } from './child-server.ts';
import { blueprints, STORE_CONFIG } from './fixtures.ts';
import { drained, sendNumbered } from './numbered-load.ts';

export interface IntegrityFigures {
  sent: number;
  acked: number;
  kills: number;
  /** Acknowledged (`Accepted`) requests without an execution or without their record. */
  lost: number;
  /** Requests with more than one stored execution. */
  executedTwice: number;
  /** Requests whose record is in the data store more than once. */
  duplicateRows: number;
}

/** One round in a fresh project: `total` requests, killed with SIGKILL at each third. */
export async function integrityRound(options: {
  total: number;
  concurrency: number;
  kills: number;
  /** A Sleep after the write (seconds): kills then land between a run's write and its record. */
  pauseSeconds?: number;
}): Promise<IntegrityFigures> {
  const dir = projectDir({ writer: blueprints.storeWriter(options.pauseSeconds) }, STORE_CONFIG);
  const range = { next: 0, end: options.total };
  const share = Math.ceil(options.total / (options.kills + 1));
  const acked: number[] = [];
  let child = await startChild(dir);
  try {
    for (let kill = 0; kill < options.kills; kill++) {
      const victim = child;
      let killed = false;
      // Killed the moment its share is acknowledged, with CONCURRENCY requests still in flight.
      const killAt = (count: number) => {
        if (count >= share && !killed) killed = victim.process.kill('SIGKILL');
        return killed;
      };
      acked.push(...(await sendNumbered(child, { range, concurrency: options.concurrency, until: killAt })));
      await stopChild(child, 'SIGKILL');
      child = await startChild(dir);
    }
    acked.push(...(await sendNumbered(child, { range, concurrency: options.concurrency })));
    await drained(child, 120);
  } finally {
    await stopChild(child);
  }
  return { sent: range.next, acked: acked.length, kills: options.kills, ...countOutcomes(dir, acked) };
}

function countOutcomes(dir: string, acked: number[]) {
  const db = new Database(join(dir, '.makesim', 'makesim.db'), { readonly: true });
  const executions = tally(
    db.prepare('SELECT record FROM executions').pluck().all() as string[],
    (record) =>
      (JSON.parse(record) as { modules: Array<{ outputs: Array<{ n?: number }> }> }).modules[0]?.outputs[0]
        ?.n,
  );
  const rows = tally(
    db.prepare(`SELECT data FROM datastore_records WHERE store = 'records'`).pluck().all() as string[],
    (data) => Number((JSON.parse(data) as { n?: unknown }).n),
  );
  db.close();
  const twice = (counts: Map<number, number>) => [...counts.values()].filter((c) => c > 1).length;
  return {
    lost: acked.filter((n) => !executions.get(n) || !rows.get(n)).length,
    executedTwice: twice(executions),
    duplicateRows: twice(rows),
  };
}

function tally(values: string[], key: (value: string) => number | undefined): Map<number, number> {
  const counts = new Map<number, number>();
  for (const value of values) {
    const n = key(value);
    if (typeof n === 'number' && Number.isFinite(n)) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return counts;
}
