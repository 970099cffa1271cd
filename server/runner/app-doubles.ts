/**
 * Mocks and fakes for `makesim serve` (docs/testing.md "Fakes in makesim serve"): per scenario in
 * makesim.config.json (`scenarios.<id>.mocks`, `.fakes`), matched by blueprint file. Each
 * scenario's fakes keep their state in the server's database, one scope per blueprint file, seeded
 * on first use — so a served scenario with app modules runs, and its fakes' state outlives restarts.
 */
import { resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { ProjectConfig } from '../../config/types.ts';
import type { Scenario } from '../../engine/blueprint/scenario.ts';
import type { Clock } from '../../engine/ports/clock.ts';
import type { Mocks } from '../../engine/registry/mocks.ts';
import { type CaseFakes, createFakes } from '../../fakes/index.ts';
import { type FakeState, SqliteFakeState } from '../../fakes/state.ts';

export interface AppDoubles {
  /** Mocks for a run of this scenario (its fakes' answers under its own mocks), if it has any. */
  mocksFor(scenario: Scenario, source: string | undefined, clock: () => Clock | undefined): Mocks | undefined;
  /** The state of a scenario's fakes, by fake name (for inspection). */
  fakeState(source: string): Record<string, Record<string, unknown>> | undefined;
  close(): void;
}

/**
 * `connection`: the server's own database connection, where the fakes keep their state (a second
 * connection to a file the server writes would wait on its lock on the event loop).
 */
export function appDoublesFrom(
  config: Pick<ProjectConfig, 'root' | 'scenarios' | 'database'>,
  connection?: Database.Database,
): AppDoubles {
  const bySource = new Map(
    Object.values(config.scenarios)
      .filter((s) => s.mocks || s.fakes)
      .map((s) => [resolve(config.root, s.blueprint), s] as const),
  );
  const fakes = new Map<string, { scenario: Scenario; fakes: CaseFakes; state: FakeState }>();
  return {
    mocksFor(scenario, source, clock) {
      const entry = source ? bySource.get(source) : undefined;
      if (!entry || !source) return undefined;
      const own = (entry.mocks ?? {}) as Mocks;
      if (!entry.fakes) return own;
      let kept = fakes.get(source);
      if (!kept || kept.scenario !== scenario) {
        const state = kept?.state ?? new SqliteFakeState(connection ?? config.database, source);
        const now = () => clock()?.now() ?? new Date();
        kept = {
          scenario,
          state,
          fakes: createFakes({ seeds: entry.fakes, scenario, now, mocks: own, state }),
        };
        fakes.set(source, kept);
      }
      return { ...kept.fakes.mocks, ...own };
    },
    fakeState: (source) => fakes.get(source)?.fakes.snapshot(),
    close() {
      for (const kept of fakes.values()) kept.state.close();
      fakes.clear();
    },
  };
}
