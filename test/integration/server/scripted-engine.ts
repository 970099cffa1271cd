/**
 * A server engine for error-over-time tests: the real loader, with runs scripted. Each run takes
 * the next outcome (a Make error type, or `success`); past the end of the script the last outcome
 * repeats. The clock time of every run is kept.
 */
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';
import type { SimulatedClock } from '../../../engine/ports/clock.ts';
import type { ServerEngine } from '../../../server/runner/engine-port.ts';
import { failedRecord } from '../../../server/runner/failed-record.ts';
import { createMakeEngine } from '../../../server/runner/make-engine.ts';

export function scriptedEngine(script: string[], clock: SimulatedClock, dlq = false) {
  const environment = createRunEnvironment(parseConfig({ database: ':memory:' }, { root: process.cwd() }), {
    database: ':memory:',
  });
  const real = createMakeEngine(environment);
  const runTimes: number[] = [];
  const engine: ServerEngine = {
    prepare(blueprint, source) {
      const prepared = real.prepare(blueprint, source);
      return {
        ...prepared,
        settings: { ...prepared.settings, dlq },
        run: async (options) => {
          const outcome = script[Math.min(runTimes.length, script.length - 1)] ?? 'success';
          runTimes.push(clock.now().getTime());
          const error = Object.assign(new Error('scripted'), { type: outcome });
          const record = failedRecord({
            executionId: options.executionId,
            scenario: 'S',
            error,
            now: clock.now(),
          });
          return outcome === 'success' ? { ...record, status: 'success', error: null } : record;
        },
      };
    },
    close: () => real.close?.(),
  };
  return { engine, runTimes };
}
