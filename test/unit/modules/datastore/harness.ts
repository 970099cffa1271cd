/** Runs one data store module against a `:memory:` SqliteDataStore, as the engine would call it. */
import { MakeError } from '../../../../engine/errors/make-error.ts';
import { SimulatedClock } from '../../../../engine/ports/clock.ts';
import type { DataStoreInfo } from '../../../../engine/ports/data-store.ts';
import { silentLogger } from '../../../../engine/ports/logger.ts';
import { memoryState } from '../../../../engine/ports/state.ts';
import type { Bundle, ModuleContext, ModuleDefinition } from '../../../../engine/registry/define-module.ts';
import { SqliteDataStore } from '../../../../modules/datastore/sqlite-data-store.ts';

export const STORE_ID = 36975;

export function memoryStore(options: { structure?: DataStoreInfo['structure'] } = {}): SqliteDataStore {
  return new SqliteDataStore({
    database: ':memory:',
    stores: [
      { name: 'contacts', makeId: STORE_ID, ...(options.structure ? { structure: options.structure } : {}) },
    ],
  });
}

export function moduleContext(port: SqliteDataStore | undefined, uuids: string[] = []): ModuleContext {
  const vars = {};
  let next = 0;
  return {
    clock: new SimulatedClock('2025-01-01T00:00:00Z'),
    http: { allowNet: false },
    dataStores: port,
    logger: silentLogger,
    signal: new AbortController().signal,
    state: memoryState(),
    subscenarios: undefined,
    variables: { get: () => undefined, set: () => {} },
    vars,
    timezone: 'UTC',
    executionId: 'test',
    cycle: 1,
    evalContext: {
      output: () => undefined,
      vars,
      now: new Date('2025-01-01T00:00:00Z'),
      timezone: 'UTC',
      executionId: 'test',
      random: () => 0.5,
      uuid: () => uuids[next++] ?? `${String(next).padStart(8, '0')}-0000-4000-8000-000000000000`,
    },
    triggerInput: undefined,
    respond: () => {},
  };
}

export interface RunOptions {
  input?: Record<string, unknown>;
  parameters?: Record<string, unknown>;
  ctx: ModuleContext;
}

export async function runModule(
  definition: ModuleDefinition,
  options: RunOptions,
): Promise<readonly Bundle[]> {
  if (definition.run === undefined) throw new Error(`${definition.key} has no run()`);
  const parameters = options.parameters ?? { datastore: STORE_ID };
  const node = { id: 2, key: definition.key, version: 1, label: undefined, parameters, raw: {} };
  return definition.run({ input: options.input ?? {}, parameters, node }, options.ctx);
}

/** The MakeError type a module run fails with (undefined when it succeeds). */
export async function failureType(run: Promise<unknown>): Promise<string | undefined> {
  try {
    await run;
  } catch (error) {
    return error instanceof MakeError ? error.type : `not a MakeError: ${String(error)}`;
  }
  return undefined;
}
