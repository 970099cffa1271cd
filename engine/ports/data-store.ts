import type { TransactionParticipant } from './transaction.ts';

/** One record of a data store, as Make's API shapes it: `{ key, data }`. */
export interface DataStoreRecord {
  key: string;
  data: Record<string, unknown>;
}

export interface DataStoreField {
  name: string;
  type: 'text' | 'number' | 'boolean' | 'date' | 'buffer' | 'collection' | 'array' | string;
  label?: string;
  required?: boolean;
  default?: unknown;
  spec?: DataStoreField[] | DataStoreField;
}

export interface DataStoreInfo {
  /** Local store name. */
  name: string;
  /** Make's numeric data store id as written in blueprints (`parameters.datastore`), when mapped. */
  makeId?: number;
  structure?: { strict: boolean; fields: DataStoreField[] };
  /** Storage limit in bytes (Make: 1 MB minimum per store). */
  maxBytes: number;
}

export interface DataStoreSearch {
  /** OR of AND groups; `a` is a field name (or `key`), `o` a filter operator id, `b` a value. */
  filter?: Array<Array<{ a: string; o: string; b?: unknown }>>;
  sort?: Array<{ key: string; order: 'asc' | 'desc' }>;
  limit?: number;
}

/** One data store, resolved from a blueprint's `parameters.datastore`. Synchronous: SQLite is. */
export interface DataStoreHandle {
  readonly info: DataStoreInfo;
  get(key: string): DataStoreRecord | undefined;
  has(key: string): boolean;
  /** Inserts or replaces; the caller has decided whether replacing is allowed. */
  put(key: string, data: Record<string, unknown>): DataStoreRecord;
  delete(key: string): boolean;
  deleteAll(): number;
  search(query: DataStoreSearch): DataStoreRecord[];
  count(): number;
  /** Bytes used, for the storage limit. */
  size(): number;
}

export interface DataStorePort extends TransactionParticipant {
  /** Resolves a blueprint's numeric id (or a local name); throws a MakeError when unknown. */
  store(ref: number | string): DataStoreHandle;
  list(): DataStoreInfo[];
}
