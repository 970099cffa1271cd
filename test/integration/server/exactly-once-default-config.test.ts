import { describe, expect, it } from 'vitest';
import { integrityRound } from './integrity-drive.ts';

describe('exactly once with the default config (data stores in the server database)', () => {
  it('loses no acknowledged request, runs none twice and writes no record twice across two SIGKILLs', {
    timeout: 240_000,
  }, async () => {
    // The pause keeps ~50 runs between their data-store write and their stored execution at each kill.
    const figures = await integrityRound({ total: 1_500, concurrency: 50, kills: 2, pauseSeconds: 0.2 });
    expect(figures.acked).toBeGreaterThan(1_000);
    expect({
      lost: figures.lost,
      executedTwice: figures.executedTwice,
      duplicateRows: figures.duplicateRows,
    }).toEqual({
      lost: 0,
      executedTwice: 0,
      duplicateRows: 0,
    });
  });
});
