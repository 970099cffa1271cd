/**
 * Creating, changing and removing data stores while a program runs (the dev server's
 * `POST/PATCH/DELETE /data-stores`, https://developers.make.com/api-documentation/api-reference/data-stores).
 * Stores of makesim.config.json are not changed this way: the config is where they live, and it would undo
 * the change at the next start.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import type { DataStoreInfo } from '../../engine/ports/data-store.ts';

export interface NewDataStore {
  name: string;
  /** Make's data store id, as blueprints write it in `parameters.datastore`. */
  makeId: number;
  structure?: DataStoreInfo['structure'];
  maxBytes: number;
}

export interface DataStorePatch {
  name?: string;
  /** `null` removes the structure. Records already stored are not rewritten (Make neither). */
  structure?: DataStoreInfo['structure'] | null;
  maxBytes?: number;
}

export interface DataStoreAdmin {
  create(store: NewDataStore): DataStoreInfo;
  update(makeId: number, patch: DataStorePatch): DataStoreInfo;
  /** Removes the store and its records. */
  remove(makeId: number): void;
  /** Whether the store was created this way (false for the config's stores). */
  isEditable(makeId: number): boolean;
}

/** Rows of stores created this way are keyed by id, so a rename leaves them in place. */
export function editableStoreKey(makeId: number): string {
  return `#api/${makeId}`;
}

export function storeTakenError(what: 'name' | 'id', value: string | number): MakeError {
  return new MakeError(
    'InvalidConfigurationError',
    `A data store with ${what} ${JSON.stringify(value)} already exists.`,
    {
      hint: what === 'name' ? 'choose another name' : 'choose another id',
    },
  );
}

export function configuredStoreError(name: string): MakeError {
  return new MakeError(
    'InvalidConfigurationError',
    `Data store "${name}" is defined in makesim.config.json ('dataStores'): change or remove it there and restart.`,
    { hint: 'edit makesim.config.json' },
  );
}
