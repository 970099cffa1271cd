/**
 * Search records' filter and sort (https://help.make.com/data-stores): the filter is
 * an OR of AND groups of `{a, o, b}` where `a` names a field (or `key`), `o` is one of Make's
 * filter operators (engine/expression/filter-operators.ts, the same table as route filters).
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import { FILTER_OPERATORS } from '../../engine/expression/filter-operators.ts';
import type { DataStoreRecord, DataStoreSearch } from '../../engine/ports/data-store.ts';

type Condition = { a: string; o: string; b?: unknown };

/** `a` names a field of the record; `key` is the record key unless the data has its own `key`. */
function operand(record: DataStoreRecord, name: string): unknown {
  if (Object.hasOwn(record.data, name)) return record.data[name];
  return name === 'key' ? record.key : undefined;
}

function holds(record: DataStoreRecord, condition: Condition, timezone: string): boolean {
  const operator = FILTER_OPERATORS.get(condition.o);
  if (operator === undefined) {
    throw new MakeError(
      'InvalidConfigurationError',
      `Search records: unknown filter operator "${condition.o}".`,
      {
        operator: condition.o,
        hint: 'use an operator id such as "text:equal" or "number:greater"',
      },
    );
  }
  return operator.test(operand(record, condition.a), condition.b, timezone);
}

export function matches(
  record: DataStoreRecord,
  filter: DataStoreSearch['filter'],
  timezone: string,
): boolean {
  if (filter === undefined || filter.length === 0) return true;
  return filter.some((group) => group.every((condition) => holds(record, condition, timezone)));
}

/**
 * Sort order of values. Make does not document mixed types or missing values; makesim orders
 * numbers numerically, everything else by its text, and puts missing values last either way.
 */
export function compareValues(a: unknown, b: unknown): number {
  const aMissing = a === undefined || a === null;
  const bMissing = b === undefined || b === null;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const textA = typeof a === 'string' ? a : JSON.stringify(a);
  const textB = typeof b === 'string' ? b : JSON.stringify(b);
  return textA < textB ? -1 : textA > textB ? 1 : 0;
}

export function sortRecords(records: DataStoreRecord[], sort: DataStoreSearch['sort']): DataStoreRecord[] {
  if (sort === undefined || sort.length === 0) return records;
  return records.sort((x, y) => {
    for (const { key, order } of sort) {
      const a = operand(x, key);
      const b = operand(y, key);
      const missing = a === undefined || a === null || b === undefined || b === null;
      const difference = compareValues(a, b);
      // Missing values stay last in descending order too.
      if (difference !== 0) return order === 'desc' && !missing ? -difference : difference;
    }
    return 0;
  });
}
