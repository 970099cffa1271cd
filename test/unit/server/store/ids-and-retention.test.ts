import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Db, openDatabase } from '../../../../server/queue/db.ts';
import type { GroupCommit } from '../../../../server/queue/group-commit.ts';
import { DataStructureStore } from '../../../../server/store/data-structures.ts';
import { HistoryPruner, PRUNE_BATCH, PRUNE_INTERVAL_MS } from '../../../../server/store/history-retention.ts';
import { HookStore } from '../../../../server/store/hooks.ts';
import { ScenarioStore } from '../../../../server/store/scenarios.ts';

let db: Db;
afterEach(() => db?.close());
const now = new Date('2026-01-31T12:00:00Z');

describe('ids are never handed out twice', () => {
  it('gives a scenario created after the newest was deleted a new id', () => {
    db = openDatabase(':memory:');
    const scenarios = new ScenarioStore(db);
    const create = () =>
      scenarios.create({
        name: 's',
        source: null,
        blueprint: {},
        scheduling: { type: 'on-demand' },
        isActive: false,
        now,
      }).id;
    const first = create();
    const second = create();
    scenarios.delete(second);
    expect(create()).toBe(second + 1);
    expect(first).toBe(second - 1);
  });

  it('gives hooks and data structures new ids after a delete of the newest', () => {
    db = openDatabase(':memory:');
    const hooks = new HookStore(db);
    const hook = () => hooks.create({ name: 'h', scenarioId: null, now }).id;
    const h = hook();
    hooks.delete(h);
    expect(hook()).toBe(h + 1);
    const structures = new DataStructureStore(db);
    const structure = () => structures.create({ name: 'd', strict: false, spec: [], now }).id;
    const d = structure();
    structures.delete(d);
    expect(structure()).toBe(d + 1);
  });
});

function addExecution(id: string, scenarioId: number, started: string): void {
  db.prepare(
    `INSERT INTO executions (id, scenario_id, queue_item, type, status, operations, centicredits, duration, started, instant, record)
     VALUES (?, ?, NULL, 'auto', 1, 1, 100, 1, ?, 1, '{}')`,
  ).run(id, scenarioId, started);
}
const ids = () => db.prepare('SELECT id FROM executions ORDER BY id').pluck().all();

describe('history retention', () => {
  it('keeps the newest executions of each scenario up to maxPerScenario', () => {
    db = openDatabase(':memory:');
    for (let i = 1; i <= 5; i++) addExecution(`a${i}`, 1, `2026-01-31T00:00:0${i}.000Z`);
    addExecution('b1', 2, '2026-01-30T00:00:00.000Z');
    new HistoryPruner(db, { maxAgeDays: 30, maxPerScenario: 2 }).prune(now);
    expect(ids()).toEqual(['a4', 'a5', 'b1']);
  });

  it('deletes executions older than maxAgeDays, except one an unresolved incomplete execution needs', () => {
    db = openDatabase(':memory:');
    addExecution('old', 1, '2026-01-01T00:00:00.000Z');
    addExecution('old-dlq', 1, '2026-01-01T00:00:00.000Z');
    addExecution('recent', 1, '2026-01-30T00:00:00.000Z');
    db.prepare(
      `INSERT INTO incompletes (id, scenario_id, execution_id, reason, created, input, detail)
       VALUES ('i1', 1, 'old-dlq', 'x', '2026-01-01T00:00:00.000Z', '{}', '{}')`,
    ).run();
    new HistoryPruner(db, { maxAgeDays: 7, maxPerScenario: 100 }).prune(now);
    expect(ids()).toEqual(['old-dlq', 'recent']);
  });

  it('prunes a large excess in passes of PRUNE_BATCH rows and never deletes past the newest maxPerScenario', () => {
    db = openDatabase(':memory:');
    const started = (i: number) => new Date(Date.UTC(2026, 0, 31) + i * 1000).toISOString();
    const add = (from: number, to: number) => {
      for (let i = from; i < to; i++) addExecution(`a${String(i).padStart(4, '0')}`, 1, started(i));
    };
    const pruner = new HistoryPruner(db, { maxAgeDays: 30, maxPerScenario: 100 });
    add(0, 2 * PRUNE_BATCH + 100);
    expect(pruner.prune(now)).toBe(PRUNE_BATCH);
    // Newer runs arrive between passes: the next passes still keep exactly the newest 100.
    add(2 * PRUNE_BATCH + 100, 3 * PRUNE_BATCH + 100);
    const removed: number[] = [];
    for (let pass = pruner.prune(now); pass > 0; pass = pruner.prune(now)) removed.push(pass);
    expect(removed.every((count) => count <= PRUNE_BATCH)).toBe(true);
    const last = 3 * PRUNE_BATCH + 100;
    expect(ids()).toEqual(
      Array.from({ length: 100 }, (_, k) => `a${String(last - 100 + k).padStart(4, '0')}`),
    );
  });

  it('runs a pass every interval while runs are stored, and about once a second when none are', () => {
    vi.useFakeTimers();
    try {
      db = openDatabase(':memory:');
      const pruner = new HistoryPruner(db, { maxAgeDays: 30, maxPerScenario: 100 });
      const passes = vi.spyOn(pruner, 'prune');
      const commits = { later: (work: () => unknown) => Promise.resolve(work()) } as unknown as GroupCommit;
      let stored = 0;
      const stop = pruner.start(
        commits,
        () => now,
        () => stored,
      );
      for (let tick = 0; tick < 10; tick++) {
        stored++;
        vi.advanceTimersByTime(PRUNE_INTERVAL_MS);
      }
      expect(passes).toHaveBeenCalledTimes(10);
      passes.mockClear();
      vi.advanceTimersByTime(2_000);
      expect(passes).toHaveBeenCalledTimes(2);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
