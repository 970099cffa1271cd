import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseOutcome } from '../../../test-runner/case-result.ts';
import { CaseWorkerPool } from '../../../test-runner/worker-pool.ts';

const root = resolve(import.meta.dirname, '../../..');
const path = join(root, 'blueprints', 'webhook-router.test.json');
const label = { file: 'x', blueprint: 'y', name: 'z' };

describe('the worker pool', () => {
  it('shares the cases between this thread and a worker thread, which runs them for real', async () => {
    // This thread is slow on purpose, so the worker thread gets cases once it has started.
    const slowHere = async (): Promise<CaseOutcome> => {
      await new Promise((done) => setTimeout(done, 200));
      return {
        result: {
          ...label,
          name: 'here',
          passed: true,
          failures: [],
          durationMs: 0,
          operations: 0,
          status: 'success',
        },
      };
    };
    const pool = new CaseWorkerPool(2, slowHere);
    try {
      const jobs = Array.from({ length: 60 }, (_, i) => ({
        path,
        caseIndex: i % 4,
        cwd: root,
        record: true,
      }));
      const outcomes = await Promise.all(jobs.map((job) => pool.run(job, label)));
      const fromThread = outcomes.filter((o) => o.result.name !== 'here');
      expect(fromThread.length).toBeGreaterThan(0);
      for (const outcome of fromThread) {
        expect(outcome.result).toMatchObject({ file: 'blueprints/webhook-router.test.json', passed: true });
        expect(outcome.record?.status).toBe('success');
      }
    } finally {
      await pool.close();
    }
  });

  it('fails the case of a job it cannot run, naming why, and goes on', async () => {
    const pool = new CaseWorkerPool(2, async () => new Promise<CaseOutcome>(() => undefined));
    try {
      const job = { path: join(root, 'no-such.test.json'), caseIndex: 0, cwd: root, record: false };
      const outcome = await pool.run(job, label);
      expect(outcome.result.passed).toBe(false);
      expect(outcome.result.failures[0]?.message).toMatch(/could not run: .*no-such\.test\.json/);
    } finally {
      await pool.close();
    }
  });
});
