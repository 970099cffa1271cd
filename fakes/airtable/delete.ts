/**
 * Airtable Delete a Record (`ActionDeleteRecord`, the mapped `id`). The key and the `id` mapper
 * field are seen in public material about Make blueprints (no corpus blueprint uses the module);
 * the output is Airtable's DELETE answer `{ id, deleted: true }` (docs/fidelity.md "Fakes").
 */
import type { FakeModule } from '../define-fake.ts';
import { FAKE, findRecord, tableOf } from './table.ts';

export const deleteRecord: FakeModule = {
  kind: 'action',
  output: '`{ id, deleted: true }` (Airtable API "Delete record"; unverified as Make\'s output)',
  run(call) {
    const table = tableOf(call);
    const record = findRecord(call, table, call.input.id);
    call.state.remove(FAKE, table, record.id);
    return [{ id: record.id, deleted: true }];
  },
};
