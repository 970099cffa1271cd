import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseOutcome } from '../../../test-runner/case-result.ts';
import type { TestFile } from '../../../test-runner/types.ts';
import { BATCH_SIZE, BATCHES_PER_THREAD, CaseWorkerPool } from '../../../test-runner/worker-pool.ts';

const root = resolve(import.meta.dirname, '../../..');
const path = join(root, 'blueprints', 'webhook-router.test.json');
const label = { file: 'x', blueprint: 'y', name: 'z' };
const standIn = new URL('../../fixtures/runner/stand-in-worker.mjs', import.meta.url);

const here = (name = 'here'): CaseOutcome => ({
  result: { ...label, name, passed: true, failures: [], durationMs: 0, operations: 0, status: 'success' },
});
const job = (caseIndex: number) => ({ path, caseIndex, cwd: root, record: false });

/** This thread's stand-in for a case: CPU work that never yields, as most real cases do. */
async function busyHere(): Promise<CaseOutcome> {
  const until = performance.now() + 2;
  while (performance.now() < until) {
    // spin
  }
  return here();
}

describe('the worker pool', () => {
  it('shares the cases between this thread and a worker thread, which runs them for real', async () => {
    // This thread is slow on purpose, so the worker thread gets cases once it has started.
    const slowHere = async () => {
      await new Promise((done) => setTimeout(done, 200));
      return here();
    };
    const pool = new CaseWorkerPool(2, slowHere);
    const names = (JSON.parse(readFileSync(path, 'utf8')) as TestFile).cases.map((c) => c.name);
    try {
      const jobs = Array.from({ length: 60 }, (_, i) => ({ ...job(i % 4), record: true }));
      const outcomes = await Promise.all(jobs.map((j) => pool.run(j, label)));
      const fromThread = outcomes.filter((o) => o.result.name !== 'here');
      expect(fromThread.length).toBeGreaterThan(0);
      for (const [i, outcome] of outcomes.entries()) {
        if (outcome.result.name === 'here') continue;
        // Each job gets its own case's outcome, whichever batch carried it.
        expect(outcome.result).toMatchObject({
          file: 'blueprints/webhook-router.test.json',
          name: names[i % 4],
          passed: true,
        });
        expect(outcome.record?.status).toBe('success');
      }
    } finally {
      await pool.close();
    }
  });

  it('keeps answering the worker thread while this thread runs cases that never yield', async () => {
    const pool = new CaseWorkerPool(2, busyHere, standIn);
    try {
      const outcomes = await Promise.all(Array.from({ length: 1000 }, (_, i) => pool.run(job(i), label)));
      const fromThread = outcomes.filter((o) => o.result.name.startsWith('thread'));
      // Beyond the batches it was given at the start: its answers were read and more were sent.
      expect(fromThread.length).toBeGreaterThan(BATCH_SIZE * BATCHES_PER_THREAD);
      for (const [i, outcome] of outcomes.entries()) {
        // Each job gets its own outcome, whichever batch carried it.
        expect(outcome.result.name).toMatch(new RegExp(`^(here|thread \\d+ case ${i})$`));
      }
    } finally {
      await pool.close();
    }
  });

  it('gives worker threads the far end of the queue and this thread the near end', async () => {
    const pool = new CaseWorkerPool(2, busyHere, standIn);
    try {
      const outcomes = await Promise.all(Array.from({ length: 400 }, (_, i) => pool.run(job(i), label)));
      const onThread = outcomes.map((o) => o.result.name.startsWith('thread'));
      const split = onThread.indexOf(true);
      // Each end is one run of cases, so each thread loads and warms up on only its files.
      expect(split).toBeGreaterThan(0);
      expect(onThread.slice(0, split).every((thread) => !thread)).toBe(true);
      expect(onThread.slice(split).every((thread) => thread)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  it('fails only the cases given to a worker thread that stops, saying so, and replaces it', async () => {
    const slowHere = async () => {
      await new Promise((done) => setTimeout(done, 20));
      return here();
    };
    const pool = new CaseWorkerPool(2, slowHere, standIn);
    try {
      // The thread is given the last batches at once: case 96 is in its first.
      const jobs = Array.from({ length: 100 }, (_, i) => job(i === 96 ? -1 : i));
      const outcomes = await Promise.all(jobs.map((j) => pool.run(j, label)));
      const given = BATCH_SIZE * BATCHES_PER_THREAD;
      const failed = outcomes.filter((o) => !o.result.passed);
      expect(outcomes[96]!.result.passed).toBe(false);
      expect(failed.length).toBeLessThanOrEqual(given);
      expect(outcomes.slice(0, -given).every((o) => o.result.passed)).toBe(true);
      for (const outcome of failed) {
        expect(outcome.result.failures).toEqual([
          {
            path: 'run',
            message: expect.stringMatching(
              /^the case could not run: the worker thread running it stopped \(exit code 7\) before it reported the \d+ case\(s\) it had been given$/,
            ),
          },
        ]);
      }
      // The cases before the stopped thread's ran on its replacement (another thread id).
      const threads = new Set(outcomes.flatMap((o) => /^thread (\d+)/.exec(o.result.name)?.[1] ?? []));
      expect(threads.size).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  });

  it('fails the case of a job it cannot run, naming why, and goes on', async () => {
    const pool = new CaseWorkerPool(2, async () => new Promise<CaseOutcome>(() => undefined));
    try {
      const outcome = await pool.run({ ...job(0), path: join(root, 'no-such.test.json') }, label);
      expect(outcome.result.passed).toBe(false);
      expect(outcome.result.failures[0]?.message).toMatch(/could not run: .*no-such\.test\.json/);
    } finally {
      await pool.close();
    }
  });
});
