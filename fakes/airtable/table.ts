/**
 * Airtable bases, tables and records as Make's Airtable modules address them: a base id and a
 * table id or name (mapper `base`, `table`), records `{ id, createdTime, fields }`. Make's mapper
 * names fields by field id (`fldXXXXXXXXXXXXXX`, the keys of `record`); a table's seed may give
 * `fields` (field id → name) so writes by id land under the name. Outputs are Make's flat record
 * (the modules' exported `metadata.interface`: `id`, `createdTime`, then each field by name, or by
 * field id with "Use column ID: Yes").
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import type { FakeCall } from '../define-fake.ts';
import type { FakeState } from '../state.ts';

export const FAKE = 'airtable';

export interface StoredRecord {
  id: string;
  createdTime: string;
  fields: Record<string, unknown>;
}

/** `"<base>/<table>"`: the state's collection of one table. */
export function tableOf(call: FakeCall): string {
  const base = call.input.base ?? call.parameters.base;
  const table = call.input.table ?? call.parameters.table;
  if (!base || !table) {
    throw new MakeError('DataError', 'Missing value of required parameter: base and table are required.');
  }
  return `${String(base)}/${String(table)}`;
}

/** Field id → field name, as the seed declared them. */
export function fieldNames(state: FakeState, table: string): Record<string, string> {
  return JSON.parse(state.cursor(FAKE, `fields:${table}`) ?? '{}');
}

export function setFieldNames(state: FakeState, table: string, names: Record<string, string>): void {
  state.setCursor(FAKE, `fields:${table}`, JSON.stringify(names));
}

export function recordsOf(state: FakeState, table: string): StoredRecord[] {
  return state.list(FAKE, table).map((r) => r.data as unknown as StoredRecord);
}

export function findRecord(call: FakeCall, table: string, id: unknown): StoredRecord {
  const found = call.state.get(FAKE, table, String(id ?? ''));
  // Airtable answers 404 NOT_FOUND for an unknown record id; Make reports it as a DataError.
  if (!found)
    throw new MakeError(
      'DataError',
      `[404] NOT_FOUND: Could not find record ${String(id ?? '')} in table ${table}.`,
    );
  return found as unknown as StoredRecord;
}

/** Airtable's record ids: `rec` and 14 characters; ours count up so tests can name them. */
export function nextRecordId(state: FakeState): string {
  const n = Number(state.cursor(FAKE, 'nextId') ?? 0) + 1;
  state.setCursor(FAKE, 'nextId', String(n));
  return `rec${String(n).padStart(14, '0')}`;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/**
 * The mapped `record` as field name → value. Empty mapped fields are not sent (Make leaves an
 * empty field out of the request, so an update keeps the old value).
 */
export function mappedFields(call: FakeCall, table: string): Record<string, unknown> {
  const record = call.input.record ?? {};
  if (typeof record !== 'object' || Array.isArray(record)) {
    throw new MakeError('DataError', 'The record must be a collection of fields.');
  }
  const names = fieldNames(call.state, table);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record as Record<string, unknown>)) {
    if (!isEmpty(value)) out[names[key] ?? key] = value;
  }
  return out;
}

/** Make's output bundle: `id`, `createdTime`, then the fields (Airtable omits empty ones). */
export function recordBundle(call: FakeCall, table: string, record: StoredRecord): Record<string, unknown> {
  const byColumnId = call.input.useColumnId === true || call.parameters.useColumnId === true;
  const ids = byColumnId
    ? Object.fromEntries(Object.entries(fieldNames(call.state, table)).map(([id, name]) => [name, id]))
    : {};
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(record.fields)) {
    if (!isEmpty(value) && value !== false) fields[ids[name] ?? name] = value;
  }
  return { id: record.id, createdTime: record.createdTime, ...fields };
}
