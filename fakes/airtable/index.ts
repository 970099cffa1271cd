/**
 * Airtable fake (`"fakes": {"airtable": {"<base>/<table>": [ {…record…} ]}}`): bases → tables →
 * records. A seeded record is Make's flat record — `{ "id"?, "createdTime"?, "<field name>": … }`
 * — or, to let writes by field id land under names, a table is `{ "fields": { "fldX": "Name" },
 * "records": [ … ] }`. The snapshot gives each table's records back flat, in creation order.
 */
import { defineFake, FakeSeedError } from '../define-fake.ts';
import type { FakeState } from '../state.ts';
import { deleteRecord } from './delete.ts';
import { getRecord, searchRecords, watchRecords } from './read.ts';
import { FAKE, nextRecordId, recordsOf, setFieldNames } from './table.ts';
import { createRecord, updateRecord, upsertRecord } from './write.ts';

const SEED_TIME = '2025-01-01T00:00:00.000Z';

function tableSeed(key: string, value: unknown): { fields: Record<string, string>; records: unknown[] } {
  if (Array.isArray(value)) return { fields: {}, records: value };
  if (value && typeof value === 'object' && Array.isArray((value as { records?: unknown }).records)) {
    const { fields = {}, records } = value as { fields?: Record<string, string>; records: unknown[] };
    return { fields, records };
  }
  throw new FakeSeedError(
    FAKE,
    key,
    'give the table an array of records, or { "fields": {…}, "records": […] }',
  );
}

function seed(state: FakeState, value: unknown): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new FakeSeedError(FAKE, '', 'give an object: "<baseId>/<table>" → array of records');
  }
  for (const [key, raw] of Object.entries(value)) {
    if (!/^[^/]+\/[^/]+$/.test(key))
      throw new FakeSeedError(FAKE, key, 'name a table as "<baseId>/<table id or name>"');
    const { fields, records } = tableSeed(key, raw);
    setFieldNames(state, key, fields);
    records.forEach((record, i) => {
      if (!record || typeof record !== 'object' || Array.isArray(record)) {
        throw new FakeSeedError(FAKE, `${key}[${i}]`, 'a record is an object of field name → value');
      }
      const { id, createdTime, ...rest } = record as Record<string, unknown>;
      const recordId = typeof id === 'string' && id !== '' ? id : nextRecordId(state);
      const time = typeof createdTime === 'string' ? createdTime : SEED_TIME;
      state.put(FAKE, key, recordId, { id: recordId, createdTime: time, fields: rest });
    });
  }
}

function snapshot(state: FakeState): Record<string, unknown> {
  const seeded = state.cursorNames(FAKE, 'fields:').map((name) => name.slice('fields:'.length));
  const tables = [...new Set([...seeded, ...state.collections(FAKE)])].sort();
  return Object.fromEntries(
    tables.map((table) => [
      table,
      recordsOf(state, table).map((r) => ({ id: r.id, createdTime: r.createdTime, ...r.fields })),
    ]),
  );
}

export const airtableFake = defineFake({
  name: FAKE,
  description: 'Bases, tables and records: create, update, upsert, get, delete, search by formula, watch.',
  modules: {
    'airtable:ActionCreateRecord': createRecord,
    'airtable:ActionUpdateRecords': updateRecord,
    'airtable:upsertRecord': upsertRecord,
    'airtable:ActionGetRecord': getRecord,
    'airtable:ActionDeleteRecord': deleteRecord,
    'airtable:ActionSearchRecords': searchRecords,
    'airtable:TriggerWatchRecords': watchRecords,
  },
  seed,
  snapshot,
});
