/**
 * The generic fake, for app modules with no dedicated fake: records per `app:entity` keyed by id
 * (`"fakes": {"generic": {"crm:lead": {"L-1": {…}}}}`). The verb of the module key decides what a
 * call does (entity.ts); outputs are the record over a bundle typed from the module's
 * `metadata.interface`, so fields the scenario maps exist with the right type.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import type { Bundle } from '../../engine/registry/define-module.ts';
import { interfaceOf, sampleFromInterface } from '../../engine/registry/interface-sample.ts';
import { type FakeCall, FakeSeedError } from '../define-fake.ts';
import type { FakeState } from '../state.ts';
import { readModuleKey } from './entity.ts';

export const GENERIC = 'generic';

const ID_FIELDS = ['id', 'recordId', 'record_id', 'ID', 'key'];

function idIn(input: Record<string, unknown>, entity: string): string | undefined {
  for (const name of [...ID_FIELDS, `${entity}Id`, `${entity}_id`]) {
    const value = input[name];
    if (value !== undefined && value !== null && value !== '') return String(value);
  }
  return undefined;
}

function shaped(call: FakeCall, id: string, data: Record<string, unknown>): Bundle {
  return { ...sampleFromInterface(interfaceOf(call.raw)), ...data, id };
}

function fieldsOf(input: Record<string, unknown>): Record<string, unknown> {
  const nested = input.fields ?? input.record ?? input.properties;
  return nested && typeof nested === 'object' && !Array.isArray(nested)
    ? (nested as Record<string, unknown>)
    : input;
}

export function runGeneric(call: FakeCall): Bundle[] {
  const { verb, entity, collection } = readModuleKey(call.key);
  const { state, input } = call;
  const id = idIn(input, entity);
  switch (verb) {
    case 'create': {
      const newId = id ?? `${entity}-${state.list(GENERIC, collection).length + 1}`;
      const data = { ...fieldsOf(input), createdAt: call.now.toISOString() };
      state.put(GENERIC, collection, newId, data);
      return [shaped(call, newId, data)];
    }
    case 'update': {
      const before = id === undefined ? undefined : state.get(GENERIC, collection, id);
      if (!before || id === undefined) throw notFound(collection, id);
      const data = { ...before, ...fieldsOf(input) };
      state.put(GENERIC, collection, id, data);
      return [shaped(call, id, data)];
    }
    case 'get': {
      const data = id === undefined ? undefined : state.get(GENERIC, collection, id);
      if (!data || id === undefined) throw notFound(collection, id);
      return [shaped(call, id, data)];
    }
    case 'delete': {
      if (id === undefined || !state.remove(GENERIC, collection, id)) throw notFound(collection, id);
      return [{ id }];
    }
    case 'search':
      return search(call, collection);
    case 'watch':
      return watch(call, collection);
    default:
      return [shaped(call, id ?? `${entity}-call-${call.n}`, {})];
  }
}

/** Records whose fields equal every scalar the module maps that records carry; `limit` applies. */
function search(call: FakeCall, collection: string): Bundle[] {
  const limit =
    Number(call.input.limit ?? call.input.maxRecords) > 0
      ? Number(call.input.limit ?? call.input.maxRecords)
      : Infinity;
  return call.state
    .list(GENERIC, collection)
    .filter(({ data }) =>
      Object.entries(call.input).every(
        ([k, v]) => !Object.hasOwn(data, k) || typeof v === 'object' || String(data[k]) === String(v),
      ),
    )
    .slice(0, limit)
    .map(({ id, data }) => shaped(call, id, data));
}

function watch(call: FakeCall, collection: string): Bundle[] {
  const cursorName = `watch:${call.moduleId}`;
  const all = call.state.list(GENERIC, collection);
  const after = call.state.cursor(GENERIC, cursorName);
  const fresh = all.slice(after === undefined ? 0 : all.findIndex((r) => r.id === after) + 1);
  const last = fresh.at(-1);
  if (last) call.state.setCursor(GENERIC, cursorName, last.id);
  return fresh.map(({ id, data }) => shaped(call, id, data));
}

/** Apps answer an unknown id with HTTP 404; Make reports it as a DataError (docs/fidelity.md). */
function notFound(collection: string, id: string | undefined): MakeError {
  return new MakeError('DataError', `[404] ${collection} "${id ?? '(no id mapped)'}" was not found.`);
}

export function seedGeneric(state: FakeState, value: unknown): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new FakeSeedError(GENERIC, '', 'give an object: "app:entity" → id → record');
  }
  for (const [collection, records] of Object.entries(value)) {
    if (!collection.includes(':'))
      throw new FakeSeedError(GENERIC, collection, 'name a collection "app:entity", e.g. "crm:lead"');
    if (!records || typeof records !== 'object' || Array.isArray(records)) {
      throw new FakeSeedError(GENERIC, collection, 'give an object: id → record');
    }
    for (const [id, data] of Object.entries(records))
      state.put(GENERIC, collection, id, data as Record<string, unknown>);
  }
}

export function snapshotGeneric(state: FakeState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const collection of state.collections(GENERIC)) {
    out[collection] = Object.fromEntries(state.list(GENERIC, collection).map((r) => [r.id, r.data]));
  }
  return out;
}
