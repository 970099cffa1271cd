/**
 * Google Sheets fake: Watch Rows (new rows since the last cycle, up to `limit`), Search Rows
 * (`filterRows`: Make's filter — OR of AND groups of `{a: column letter, b: value, o: operator}`,
 * evaluated with Make's filter operators; `sortOrder`, `limit`) and Get a Cell.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import { FILTER_OPERATORS } from '../../engine/expression/filter-operators.ts';
import type { FakeModule } from '../define-fake.ts';
import { collectionOf, columnIndex, FAKE, type Row, rowBundle, rowsOf, sheetOf } from './sheet.ts';
import { cellOf } from './write.ts';

const ROW_OUTPUT =
  '`{ __ROW_NUMBER__, __SPREADSHEET_ID__, __SHEET__, "0": …, "1": … }` (metadata.interface of exported watchRows/filterRows)';

function limitOf(value: unknown): number {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : Number.POSITIVE_INFINITY;
}

export const watchRows: FakeModule = {
  kind: 'trigger',
  output: ROW_OUTPUT,
  run(call) {
    const ref = sheetOf(call.input, call.parameters);
    const cursorName = `watch:${call.moduleId}:${collectionOf(ref)}`;
    const after = Number(call.state.cursor(FAKE, cursorName) ?? 0);
    const limit = limitOf(call.input.limit ?? call.parameters.limit);
    const fresh = rowsOf(call.state, ref)
      .filter((r) => r.rowNumber > after)
      .slice(0, limit);
    const last = fresh.at(-1);
    if (last) call.state.setCursor(FAKE, cursorName, String(last.rowNumber));
    return fresh.map((r) => rowBundle(ref, r.rowNumber, r.row));
  },
};

interface Condition {
  a?: unknown;
  b?: unknown;
  o?: unknown;
}

function matches(row: Row, filter: unknown, timezone: string): boolean {
  if (!Array.isArray(filter) || filter.length === 0) return true;
  return filter.some(
    (group) => !Array.isArray(group) || group.every((c: Condition) => conditionHolds(row, c, timezone)),
  );
}

function conditionHolds(row: Row, condition: Condition, timezone: string): boolean {
  const operator = FILTER_OPERATORS.get(String(condition.o ?? 'text:equal'));
  if (!operator) throw new MakeError('DataError', `Unknown filter operator "${String(condition.o)}".`);
  const column = /^[A-Za-z]{1,3}$/.test(String(condition.a))
    ? columnIndex(String(condition.a))
    : Number(condition.a);
  return operator.test(row[String(column)] ?? '', condition.b, timezone);
}

export const filterRows: FakeModule = {
  kind: 'search',
  output: ROW_OUTPUT,
  run(call) {
    const ref = sheetOf(call.input, call.parameters);
    const found = rowsOf(call.state, ref).filter((r) => matches(r.row, call.input.filter, 'UTC'));
    if (call.input.sortOrder === 'desc') found.reverse();
    return found.slice(0, limitOf(call.input.limit)).map((r) => rowBundle(ref, r.rowNumber, r.row));
  },
};

export const getCell: FakeModule = {
  kind: 'search',
  output: '`{ value }`',
  run(call) {
    const ref = sheetOf(call.input, call.parameters);
    const { column, rowNumber } = cellOf(call.input.cell);
    const row = call.state.get(FAKE, collectionOf(ref), String(rowNumber)) ?? {};
    return [{ value: row[String(column)] ?? '' }];
  },
};
