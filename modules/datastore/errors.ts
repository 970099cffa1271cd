/**
 * The data store's error choices, in one place. Make does not document the error type for an
 * existing key (Add without overwrite) or a missing key (Update without upsert), nor key rules:
 * . Chosen here, listed in docs/fidelity.md.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import { SetupError } from '../../engine/errors/setup-error.ts';

/** Add a record, key taken, `overwrite` off. DuplicateDataError is Make's type for "already exists". */
export function keyExistsError(store: string, key: string): MakeError {
  return new MakeError(
    'DuplicateDataError',
    `The record with key "${key}" already exists in data store "${store}".`,
    {
      store,
      key,
      hint: 'turn on "Replace" (overwrite), or use Update a record',
    },
  );
}

/** Update a record, key missing, `upsert` off. DataError: the mapped key points at nothing. */
export function keyMissingError(store: string, key: string): MakeError {
  return new MakeError('DataError', `No record with key "${key}" in data store "${store}".`, {
    store,
    key,
    hint: 'turn on "Insert missing record" (upsert), or check the key',
  });
}

/** A mapped key that is not text (an object, an array). */
export function invalidKeyError(store: string, key: unknown): MakeError {
  return new MakeError(
    'BundleValidationError',
    `Data store "${store}": the key must be text, got ${typeof key}.`,
    {
      store,
      hint: 'map a text or number value to Key',
    },
  );
}

/** Blueprint points at a store the project config does not define: the setup's fault, not Make's. */
export function unknownStoreError(ref: number | string, known: readonly string[]): SetupError {
  return new SetupError(
    'unknown-data-store',
    `Data store ${JSON.stringify(ref)} is not defined in makesim.config.json.`,
    {
      datastore: ref,
      hint: `add { "name": "…", "makeId": ${typeof ref === 'number' ? ref : '…'} } to "dataStores"${known.length ? ` (known: ${known.join(', ')})` : ''}`,
    },
  );
}
