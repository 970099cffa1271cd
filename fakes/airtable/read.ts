/**
 * Airtable fake reads: Get a Record (`ActionGetRecord`, the mapped `id`), Search Records
 * (`ActionSearchRecords`: `formula`, `sort` [{field, direction}], `maxRecords`, `fields`) and
 * Watch Records (`TriggerWatchRecords`: records whose `config.triggerField` — a created or
 * last-modified time, else `createdTime` — is later than the last cycle's, oldest first, up to
 * `maxRecords`, filtered by `formula`).
 */
import { SetupError } from '../../engine/errors/setup-error.ts';
import type { FakeCall, FakeModule } from '../define-fake.ts';
import { compileFormula } from './formula-eval.ts';
import { UnsupportedFormula } from './formula-parse.ts';
import { FAKE, findRecord, recordBundle, recordsOf, type StoredRecord, tableOf } from './table.ts';
import { RECORD_OUTPUT } from './write.ts';

function option(call: FakeCall, name: string): unknown {
  return call.input[name] ?? call.parameters[name];
}

function limitOf(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : Number.POSITIVE_INFINITY;
}

/** The formula as a filter; one the fake cannot evaluate stops the case as a setup error. */
function filterOf(call: FakeCall): (record: StoredRecord) => boolean {
  const formula = String(option(call, 'formula') ?? '');
  try {
    const test = compileFormula(formula);
    return (record) => test(record.fields);
  } catch (error) {
    if (!(error instanceof UnsupportedFormula)) throw error;
    throw new SetupError(
      'unsupported-fake-input',
      `the airtable fake cannot evaluate the formula ${JSON.stringify(formula)}: ${error.message}. Mock this module instead (mocks.<id>), or use a formula the fake supports (docs/testing.md "Fakes").`,
      { formula },
    );
  }
}

export const getRecord: FakeModule = {
  kind: 'action',
  output: RECORD_OUTPUT,
  run: (call) => [recordBundle(call, tableOf(call), findRecord(call, tableOf(call), call.input.id))],
};

interface Sort {
  field?: unknown;
  direction?: unknown;
}

function sortRecords(records: StoredRecord[], sort: unknown): StoredRecord[] {
  if (!Array.isArray(sort)) return records;
  const keys = (sort as Sort[]).filter((s) => s?.field);
  return [...records].sort((a, b) => {
    for (const key of keys) {
      const [x, y] = [a.fields[String(key.field)], b.fields[String(key.field)]];
      const order =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : String(x ?? '').localeCompare(String(y ?? ''));
      if (order !== 0) return key.direction === 'desc' ? -order : order;
    }
    return 0;
  });
}

/** Only the listed fields, when `fields` lists any (Airtable's `fields[]` parameter). */
function project(record: StoredRecord, fields: unknown): StoredRecord {
  if (!Array.isArray(fields) || fields.length === 0) return record;
  const kept = Object.entries(record.fields).filter(([name]) => fields.includes(name));
  return { ...record, fields: Object.fromEntries(kept) };
}

export const searchRecords: FakeModule = {
  kind: 'search',
  output: RECORD_OUTPUT,
  run(call) {
    const table = tableOf(call);
    const found = sortRecords(recordsOf(call.state, table).filter(filterOf(call)), option(call, 'sort'));
    return found
      .slice(0, limitOf(option(call, 'maxRecords')))
      .map((r) => recordBundle(call, table, project(r, option(call, 'fields'))));
  },
};

function triggerTime(record: StoredRecord, field: unknown): string {
  const value = field ? record.fields[String(field)] : undefined;
  return typeof value === 'string' && value !== '' ? new Date(value).toISOString() : record.createdTime;
}

export const watchRecords: FakeModule = {
  kind: 'trigger',
  output: RECORD_OUTPUT,
  run(call) {
    const table = tableOf(call);
    const config = (option(call, 'config') ?? {}) as { triggerField?: unknown };
    const cursorName = `watch:${call.moduleId}:${table}`;
    const after = call.state.cursor(FAKE, cursorName) ?? '';
    const fresh = recordsOf(call.state, table)
      .filter(filterOf(call))
      .map((record) => ({ record, time: triggerTime(record, config.triggerField) }))
      .filter((r) => r.time > after)
      .sort((a, b) => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0))
      .slice(0, limitOf(option(call, 'maxRecords')));
    const last = fresh.at(-1);
    if (last) call.state.setCursor(FAKE, cursorName, last.time);
    return fresh.map((r) => recordBundle(call, table, r.record));
  },
};
