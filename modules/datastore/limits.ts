/**
 * Data store size accounting (Make's help: https://help.make.com/data-stores): each store has an
 * allocated size, minimum 1 MB; a record is at most 15 MB; a full store fails with OutOfSpaceError.
 */
import { MakeError } from '../../engine/errors/make-error.ts';

/** Make's minimum (and makesim's default) allocation per store. */
export const MIN_STORE_BYTES = 1024 * 1024;
/** Make's maximum record size. */
export const MAX_RECORD_BYTES = 15 * 1024 * 1024;

/**
 * Bytes a record occupies. Make does not say how it measures a record; makesim counts the UTF-8
 * bytes of the key plus the record's JSON text (documented in docs/fidelity.md).
 */
export function recordBytes(key: string, json: string): number {
  return Buffer.byteLength(key, 'utf8') + Buffer.byteLength(json, 'utf8');
}

export function checkSpace(options: {
  store: string;
  used: number;
  delta: number;
  recordSize: number;
  maxBytes: number;
}): void {
  const { store, used, delta, recordSize, maxBytes } = options;
  if (recordSize > MAX_RECORD_BYTES) {
    throw new MakeError(
      'OutOfSpaceError',
      `Data store "${store}": a record may be at most 15 MB (this one is ${recordSize} bytes).`,
      {
        store,
        hint: 'store less data per record',
      },
    );
  }
  if (delta > 0 && used + delta > maxBytes) {
    throw new MakeError(
      'OutOfSpaceError',
      `Data store "${store}" is full (${used + delta} of ${maxBytes} bytes).`,
      {
        store,
        hint: 'raise "maxBytes" for this store in makesim.config.json, or delete records',
      },
    );
  }
}
