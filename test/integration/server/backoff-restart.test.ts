import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { ServerApp } from '../../../server/app.ts';
import { openDatabase } from '../../../server/queue/db.ts';
import { BackoffStateStore } from '../../../server/store/backoff-state.ts';
import { addScenario, blueprints, testServer } from './fixtures.ts';
import { scriptedEngine } from './scripted-engine.ts';

const MINUTE = 60_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');
let dir: string;
let database: string;
let server: ServerApp | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'makesim-backoff-'));
  database = join(dir, 'makesim.db');
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** One server process on the shared database file, its clock at `atMs`, runs following `script`. */
function boot(script: string[], atMs: number) {
  const clock = new SimulatedClock(atMs);
  const { engine, runTimes } = scriptedEngine(script, clock);
  server = testServer({ engine, clock, database });
  return { clock, minutes: () => runTimes.map((time) => (time - T0) / MINUTE) };
}

async function restart(script: string[], atMs: number) {
  await server?.close();
  return boot(script, atMs);
}

/** What the database holds, read from a separate connection. */
function storedSeries() {
  const db = openDatabase(database);
  try {
    return new BackoffStateStore(db).list();
  } finally {
    db.close();
  }
}

// Make's help: https://help.make.com/exponential-backoff ("IE disabled" column: 1, 2, 5 min …): the series
// outlives the process.
describe('backoff state across a restart', () => {
  it('runs the pending rerun at the stored time after a restart and continues the count', async () => {
    const first = boot(['ConnectionError'], T0);
    const { scenario } = addScenario(server as ServerApp, blueprints.scheduled(), {
      scheduling: { type: 'on-demand' },
    });
    await server?.services.runner.run({ scenarioId: scenario.id, type: 'manual' });
    await server?.services.scheduler.advance(MINUTE);
    // The failure at 0 and the 1st rerun at 1 min both failed: the 2nd rerun waits 2 min more.
    expect(first.minutes()).toEqual([0, 1]);
    const { minutes } = await restart(['ConnectionError'], T0 + MINUTE);
    expect(storedSeries()).toEqual([{ scenarioId: scenario.id, attempt: 2, due: T0 + 3 * MINUTE }]);
    await server?.services.scheduler.advance(2 * MINUTE - 1);
    expect(minutes()).toEqual([]);
    await server?.services.scheduler.advance(1);
    expect(minutes()).toEqual([3]);
    // A restarted count would wait 1 min again; the 3rd rerun waits 5 min (3 + 5 = 8).
    // Then 10 min and 1 h (Make's help: https://help.make.com/exponential-backoff): 3 + 5 + 10 + 60 = 78,
    // reached at T0 + 78 min.
    await server?.services.scheduler.advance(75 * MINUTE);
    expect(minutes()).toEqual([3, 8, 18, 78]);
  });

  it('holds the queue of an instant scenario after a restart until the rerun is due', async () => {
    boot(['ConnectionError'], T0);
    const { scenario, udid } = addScenario(server as ServerApp, blueprints.queued());
    await server?.app.inject({ method: 'POST', url: `/${udid}`, payload: { n: 1 } });
    await server?.services.runner.idle();
    const { minutes } = await restart(['success'], T0);
    await server?.app.inject({ method: 'POST', url: `/${udid}`, payload: { n: 2 } });
    await server?.services.runner.idle();
    expect(minutes()).toEqual([]);
    await server?.services.scheduler.advance(MINUTE);
    await server?.services.runner.idle();
    expect(minutes()).toEqual([1]);
    expect(server?.services.queue.count(scenario.hookId ?? 0)).toBe(0);
  });

  it('clears the stored series when a run succeeds', async () => {
    boot(['ConnectionError'], T0);
    const { scenario } = addScenario(server as ServerApp, blueprints.scheduled(), {
      scheduling: { type: 'on-demand' },
    });
    await server?.services.runner.run({ scenarioId: scenario.id, type: 'manual' });
    expect(storedSeries()).toHaveLength(1);
    const { minutes } = await restart(['success'], T0);
    await server?.services.scheduler.advance(MINUTE);
    expect(minutes()).toEqual([1]);
    expect(storedSeries()).toEqual([]);
    // Nothing is pending any more: a day passes without another run, also after one more restart.
    const again = await restart(['success'], T0 + MINUTE);
    await server?.services.scheduler.advance(24 * 60 * MINUTE);
    expect(again.minutes()).toEqual([]);
  });
});
