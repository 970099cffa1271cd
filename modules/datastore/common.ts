/**
 * What every data store module needs: the store named by `parameters.datastore`, the mapped key,
 * the mapped record, and the output shapes (Make's help: https://help.make.com/data-stores; the shapes of
 * Add, Update and Delete are undocumented — docs/fidelity.md, open question 15 — and chosen here).
 */

import { MakeError } from '../../engine/errors/make-error.ts';
import { SetupError } from '../../engine/errors/setup-error.ts';
import type { DataStoreHandle, DataStoreRecord } from '../../engine/ports/data-store.ts';
import type {
  FieldDoc,
  ModuleCall,
  ModuleContext,
  ModuleNodeInfo,
} from '../../engine/registry/define-module.ts';
import { invalidKeyError } from './errors.ts';

export const DATASTORE_PARAMETER: FieldDoc = {
  name: 'datastore',
  type: 'number',
  required: true,
  description: "Make's data store id; mapped to a local store by `makeId` in makesim.config.json",
};

export const KEY_MAPPER: FieldDoc = {
  name: 'key',
  type: 'text',
  required: true,
  description: 'The record key',
};

export function storeFor(call: ModuleCall, ctx: ModuleContext): DataStoreHandle {
  const ref = call.parameters.datastore;
  if (typeof ref !== 'number' && typeof ref !== 'string') {
    throw new MakeError(
      'InvalidConfigurationError',
      `Module ${call.node.id}: parameters.datastore is not set.`,
      {
        hint: 'choose a data store in the module (parameters.datastore)',
      },
    );
  }
  if (ctx.dataStores === undefined) {
    throw new SetupError(
      'no-data-stores',
      `Module ${call.node.id}: no data stores are configured for this run.`,
      {
        hint: 'add "dataStores" to makesim.config.json',
      },
    );
  }
  return ctx.dataStores.store(ref);
}

/** The mapped key as text; blank (absent, null, "") is returned as "". */
export function readKey(value: unknown, store: DataStoreHandle): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalidKeyError(store.info.name, value);
}

export function requireKey(value: unknown, store: DataStoreHandle, moduleId: number): string {
  const key = readKey(value, store);
  if (key === '') {
    throw new MakeError(
      'BundleValidationError',
      `Module ${moduleId}: missing value of required parameter "key".`,
      {
        store: store.info.name,
        hint: 'map a key',
      },
    );
  }
  return key;
}

/** The mapped `data` collection; absent means an empty record. */
export function readData(value: unknown, moduleId: number): Record<string, unknown> {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new MakeError('BundleValidationError', `Module ${moduleId}: "data" must be a collection of fields.`, {
    hint: 'map the record fields one by one',
  });
}

/** Make's checkboxes arrive as booleans, or as text when mapped. */
export function flag(value: unknown): boolean {
  return value === true || value === 'true' || value === 1 || value === '1';
}

/**
 * Output of Add and Update: the record as Make's API returns it, `{ key, data }` (SDK
 * data-store-records). docs/fidelity.md, open question 15: the module's exact shape is undocumented.
 */
export function recordBundle(record: DataStoreRecord): Record<string, unknown> {
  return { key: record.key, data: record.data };
}

/** Output of Delete a record: the deleted key (docs/fidelity.md, open question 15). */
export function deletedBundle(key: string): Record<string, unknown> {
  return { key };
}

/** Load-time check shared by every data store module: a store must be chosen. */
export function validateDatastore(
  node: ModuleNodeInfo,
): Array<{ pointer: string; message: string; hint?: string }> {
  const ref = node.parameters.datastore;
  if (typeof ref === 'number' || (typeof ref === 'string' && ref !== '')) return [];
  return [
    {
      pointer: '/parameters/datastore',
      message: 'no data store chosen',
      hint: 'set parameters.datastore to the data store id',
    },
  ];
}
