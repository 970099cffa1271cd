/**
 * The dev server's exactly-once promise under crashes, with the default config (data stores in the
 * server's own `.makesim/makesim.db`): ROUNDS rounds of TOTAL webhooks at CONCURRENCY into a
 * scenario that adds a data-store record per request, each killed with SIGKILL twice mid-load,
 * restarted and drained (test/integration/server/integrity-drive.ts). Every figure must be 0.
 */
import { type IntegrityFigures, integrityRound } from '../test/integration/server/integrity-drive.ts';
import { verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

const ROUNDS = 3;
const TOTAL = 5_000;
const CONCURRENCY = 50;
const KILLS = 2;

export const integritySuite: BenchSuite = {
  name: 'integrity',
  title: `makesim serve: ${ROUNDS} × ${TOTAL} webhooks at c=${CONCURRENCY}, SIGKILL ${KILLS}× a round, default config`,
  async run() {
    const rounds: IntegrityFigures[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const figures = await integrityRound({ total: TOTAL, concurrency: CONCURRENCY, kills: KILLS });
      rounds.push(figures);
      console.log(
        `  round ${round}: sent ${figures.sent}, accepted ${figures.acked}, killed ${figures.kills}× — ` +
          `accepted-and-lost ${figures.lost}, executed twice ${figures.executedTwice}, duplicate store rows ${figures.duplicateRows}`,
      );
    }
    const sum = (key: keyof IntegrityFigures) => rounds.reduce((total, r) => total + r[key], 0);
    console.log(verdict('accepted-and-lost webhooks', sum('lost'), 0, '', false));
    console.log(verdict('executions run twice to completion', sum('executedTwice'), 0, '', false));
    console.log(verdict('duplicate data-store rows', sum('duplicateRows'), 0, '', false));
  },
};
