/**
 * The real engine (as the server builds it), except that runs of the blueprints `blocks` picks
 * wait until `release()` is called: a scenario stays "being executed" as long as a test needs.
 */
import { parseConfig } from '../../../config/load-config.ts';
import { createRunEnvironment } from '../../../config/run-environment.ts';
import type { ServerEngine } from '../../../server/runner/engine-port.ts';
import { createMakeEngine } from '../../../server/runner/make-engine.ts';

export function blockingEngine(blocks: (blueprint: Record<string, unknown>) => boolean = () => true): {
  engine: ServerEngine;
  release: () => void;
} {
  const config = parseConfig({ database: ':memory:' }, { root: process.cwd() });
  const real = createMakeEngine(createRunEnvironment(config, { database: ':memory:' }));
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const engine: ServerEngine = {
    prepare(blueprint, source) {
      const prepared = real.prepare(blueprint, source);
      if (!blocks(blueprint)) return prepared;
      return {
        ...prepared,
        run: async (options) => {
          await gate;
          return prepared.run(options);
        },
      };
    },
    close: () => real.close?.(),
  };
  return { engine, release };
}
