/**
 * Airtable fake writes: Create a Record (`ActionCreateRecord`), Update a Record
 * (`ActionUpdateRecords`: the mapped `id`; empty mapped fields keep their value), Create/Update a
 * Record (`upsertRecord`: updates `recordId` when it is given, else creates).
 */
import type { FakeCall, FakeModule } from '../define-fake.ts';
import {
  FAKE,
  findRecord,
  mappedFields,
  nextRecordId,
  recordBundle,
  type StoredRecord,
  tableOf,
} from './table.ts';

export const RECORD_OUTPUT =
  '`{ id, createdTime, <field>: … }` (metadata.interface of exported Airtable modules)';

function create(call: FakeCall): StoredRecord {
  const table = tableOf(call);
  const record = {
    id: nextRecordId(call.state),
    createdTime: call.now.toISOString(),
    fields: mappedFields(call, table),
  };
  call.state.put(FAKE, table, record.id, record as unknown as Record<string, unknown>);
  return record;
}

function update(call: FakeCall, id: unknown): StoredRecord {
  const table = tableOf(call);
  const found = findRecord(call, table, id);
  const record = { ...found, fields: { ...found.fields, ...mappedFields(call, table) } };
  call.state.put(FAKE, table, record.id, record as unknown as Record<string, unknown>);
  return record;
}

export const createRecord: FakeModule = {
  kind: 'action',
  output: RECORD_OUTPUT,
  run: (call) => [recordBundle(call, tableOf(call), create(call))],
};

export const updateRecord: FakeModule = {
  kind: 'action',
  output: RECORD_OUTPUT,
  run: (call) => [recordBundle(call, tableOf(call), update(call, call.input.id))],
};

export const upsertRecord: FakeModule = {
  kind: 'action',
  output: RECORD_OUTPUT,
  run(call) {
    const id = call.input.recordId;
    const record = id === undefined || id === null || id === '' ? create(call) : update(call, id);
    return [recordBundle(call, tableOf(call), record)];
  },
};
