/** Runs one data store module against a `:memory:` SqliteDataStore, as the engine would call it. */

import { MakeError } from '../../../../engine/errors/make-error.ts';
import { SetupError } from '../../../../engine/errors/setup-error.ts';
import type { DataStoreInfo } from '../../../../engine/ports/data-store.ts';
import type { Bundle, ModuleContext, ModuleDefinition } from '../../../../engine/registry/define-module.ts';
import { SqliteDataStore } from '../../../../modules/datastore/sqlite-data-store.ts';
import { fakeContext } from '../../../helpers/module-context.ts';

export const STORE_ID = 36975;

export function memoryStore(options: { structure?: DataStoreInfo['structure'] } = {}): SqliteDataStore {
  return new SqliteDataStore({
    database: ':memory:',
    stores: [
      { name: 'contacts', makeId: STORE_ID, ...(options.structure ? { structure: options.structure } : {}) },
    ],
  });
}

/** `uuids` are handed out first; after them, uuids numbered by call (`00000004-0000-4000-…`). */
export function moduleContext(port: SqliteDataStore | undefined, uuids: string[] = []): ModuleContext {
  let next = 0;
  return fakeContext({
    dataStores: port,
    executionId: 'test',
    uuid: () => uuids[next++] ?? `${String(next).padStart(8, '0')}-0000-4000-8000-000000000000`,
  });
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
    return error instanceof MakeError || error instanceof SetupError
      ? error.type
      : `not a MakeError: ${String(error)}`;
  }
  return undefined;
}
