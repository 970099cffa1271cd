/**
 * Records ⇄ files for `makesim datastore import/export`. JSON: an array of `{ key, data }` (Make's
 * API shape) or an object of key → data. CSV: a header row with a `key` column; other columns are
 * fields. CSV has no types: cells are text, converted by the store's data structure if it has one.
 */
import type { DataStoreRecord } from '../../engine/ports/data-store.ts';
import { UsageError } from '../context.ts';
import { parseCsv, writeCsv } from './datastore-csv.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function recordsFromJson(value: unknown, file: string): DataStoreRecord[] {
  if (Array.isArray(value)) {
    return value.map((item, index) => {
      if (
        !isRecord(item) ||
        typeof item.key !== 'string' ||
        (item.data !== undefined && !isRecord(item.data))
      ) {
        throw new UsageError(`${file}: /${index} must be { "key": "…", "data": { … } }`);
      }
      return { key: item.key, data: isRecord(item.data) ? item.data : {} };
    });
  }
  if (isRecord(value)) {
    return Object.entries(value).map(([key, data]) => {
      if (!isRecord(data)) throw new UsageError(`${file}: /${key} must be an object of fields`);
      return { key, data };
    });
  }
  throw new UsageError(`${file}: expected an array of { key, data } or an object of key → fields`);
}

export function recordsFromCsv(text: string, file: string): DataStoreRecord[] {
  const [header, ...rows] = parseCsv(text);
  const keyColumn = header?.indexOf('key') ?? -1;
  if (header === undefined || keyColumn === -1)
    throw new UsageError(`${file}: the first row must name the columns, one of them "key"`);
  return rows.map((row, index) => {
    const key = row[keyColumn] ?? '';
    if (key === '') throw new UsageError(`${file}: row ${index + 2} has no key`);
    const fields = header
      .map((name, column): [string, string | undefined] => [name, row[column]])
      .filter(
        ([name, cell], column) => column !== keyColumn && name !== '' && cell !== undefined && cell !== '',
      );
    return { key, data: Object.fromEntries(fields) };
  });
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `key` first, then every field seen, in first-seen order. */
export function recordsToCsv(records: readonly DataStoreRecord[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    for (const name of Object.keys(record.data)) {
      if (!seen.has(name)) {
        seen.add(name);
        columns.push(name);
      }
    }
  }
  const rows = records.map((r) => [
    r.key,
    ...columns.map((c) => cellText(Object.hasOwn(r.data, c) ? r.data[c] : undefined)),
  ]);
  return writeCsv([['key', ...columns], ...rows]);
}
