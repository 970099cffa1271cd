/**
 * `datastore:SearchRecord` — Search records (Make's help: https://help.make.com/data-stores):
 * filter (OR of AND groups), sort, limit; one bundle `{ key, data }` per record.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import type { DataStoreSearch } from '../../engine/ports/data-store.ts';
import { defineModule } from '../../engine/registry/define-module.ts';
import { DATASTORE_PARAMETER, flag, storeFor, validateDatastore } from './common.ts';

/**
 * A blank limit: Make caps search modules at 3,200 objects per run (Make's help:
 * https://help.make.com/types-of-modules); makesim uses that cap as the default limit.
 */
export const DEFAULT_SEARCH_LIMIT = 3200;

/**
 * With `continueWhenNoRes` and no match the route goes on with one bundle. Its shape is
 * undocumented; makesim follows the one observed case (docs/fidelity.md: a search emitting a
 * bundle with `__IMTLENGTH__: 0`), so `{{N.__IMTLENGTH__}}` tells "nothing found" apart.
 */
const NO_RESULT_OUTPUT = (): Record<string, unknown> => ({ __IMTINDEX__: 0, __IMTLENGTH__: 0 });

function readLimit(value: unknown, moduleId: number): number {
  if (value === undefined || value === null || value === '') return DEFAULT_SEARCH_LIMIT;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new MakeError(
      'BundleValidationError',
      `Module ${moduleId}: limit must be a whole number, got ${JSON.stringify(value)}.`,
      {
        hint: 'set Limit to a positive whole number or leave it blank',
      },
    );
  }
  return limit;
}

function readFilter(value: unknown): DataStoreSearch['filter'] {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter(Array.isArray)
    .map((group: unknown[]) =>
      group
        .filter((c): c is { a: unknown; o: unknown; b?: unknown } => typeof c === 'object' && c !== null)
        .map((c) => ({ a: String(c.a ?? ''), o: String(c.o ?? ''), b: c.b })),
    );
}

function readSort(value: unknown): DataStoreSearch['sort'] {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter((s): s is { key: unknown; order?: unknown } => typeof s === 'object' && s !== null && 'key' in s)
    .map((s) => ({ key: String(s.key), order: s.order === 'desc' ? 'desc' : 'asc' }));
}

export default defineModule({
  key: 'datastore:SearchRecord',
  versions: [1],
  kind: 'search',
  label: 'Data store — Search records',
  description: 'Lists the records matching a filter, sorted, up to a limit.',
  fidelity: 'partial',
  fidelityNotes:
    'Blank limit = 3,200; sort of mixed types and missing values, and the no-result bundle, are makesim choices.',
  acid: true,
  parameters: [
    DATASTORE_PARAMETER,
    { name: 'limit', type: 'number', description: 'Maximum number of records (blank: 3,200)' },
    {
      name: 'continueWhenNoRes',
      type: 'boolean',
      default: false,
      description: 'Continue the route when nothing matches',
    },
  ],
  mapper: [
    { name: 'filter', type: 'filter', description: 'OR of AND groups `{a: field, o: operator, b: value}`' },
    { name: 'sort', type: 'array', description: '`[{ key: field, order: "asc" | "desc" }]`' },
  ],
  output: 'one bundle `{ key, data }` per record',
  validate: validateDatastore,
  run(call, ctx) {
    const store = storeFor(call, ctx);
    const limit = readLimit(call.parameters.limit ?? call.input.limit, call.node.id);
    const found = store.search({
      filter: readFilter(call.input.filter),
      sort: readSort(call.input.sort),
      limit,
    });
    if (found.length === 0) return flag(call.parameters.continueWhenNoRes) ? [NO_RESULT_OUTPUT()] : [];
    return found.map((record) => ({ key: record.key, data: record.data }));
  },
});
