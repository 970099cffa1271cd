/** Google Sheets fake: Add a Row, Update a Row, Clear a Row, Delete a Row, Update a Cell. */
import { MakeError } from '../../engine/errors/make-error.ts';
import type { Bundle } from '../../engine/registry/define-module.ts';
import type { FakeCall, FakeModule } from '../define-fake.ts';
import {
  collectionOf,
  columnIndex,
  FAKE,
  lastRowNumber,
  missingRow,
  normalizeRow,
  type Row,
  rangeOf,
  rowWidth,
  type SheetRef,
  sheetOf,
} from './sheet.ts';

const WRITE_OUTPUT =
  '`{ spreadsheetId, updatedRange, updatedRows, updatedColumns, updatedCells }` (Sheets API `UpdateValuesResponse`)';

/** The mapped `values`: an object by column index, or an array in column order. */
function valuesOf(input: Record<string, unknown>): Row {
  const values = input.values;
  if (Array.isArray(values)) return normalizeRow(Object.fromEntries(values.map((v, i) => [String(i), v])));
  return values && typeof values === 'object' ? normalizeRow(values as Record<string, unknown>) : {};
}

/** Make leaves a cell alone when its field is empty (HC Google Sheets: "Update a Row"). */
function filled(row: Row): Row {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined && v !== null && v !== ''));
}

function updateResult(ref: SheetRef, rowNumber: number, written: Row): Bundle {
  const width = rowWidth(written);
  const cells = Object.keys(written).length;
  return {
    spreadsheetId: ref.spreadsheetId,
    updatedRange: rangeOf(ref, rowNumber, width),
    updatedRows: 1,
    updatedColumns: width,
    updatedCells: cells,
  };
}

function existingRow(call: FakeCall, ref: SheetRef): { rowNumber: number; row: Row } {
  const rowNumber = Number(call.input.rowNumber);
  const row = Number.isInteger(rowNumber)
    ? call.state.get(FAKE, collectionOf(ref), String(rowNumber))
    : undefined;
  if (!row) throw missingRow(ref, call.input.rowNumber);
  return { rowNumber, row };
}

export const addRow: FakeModule = {
  kind: 'action',
  output: `${WRITE_OUTPUT.replace('}`', ', tableRange, rowNumber }`')}; \`rowNumber\` as mapped in public blueprints`,
  run(call) {
    const ref = sheetOf(call.input, call.parameters);
    const row = valuesOf(call.input);
    const rowNumber = lastRowNumber(call.state, ref) + 1;
    call.state.put(FAKE, collectionOf(ref), String(rowNumber), row);
    const result = updateResult(ref, rowNumber, row);
    return [
      { ...result, tableRange: `${ref.sheet}!A1:${String(result.updatedRange).split(':')[1]}`, rowNumber },
    ];
  },
};

export const updateRow: FakeModule = {
  kind: 'action',
  output: WRITE_OUTPUT,
  run(call) {
    const ref = sheetOf(call.input, call.parameters);
    const { rowNumber, row } = existingRow(call, ref);
    const changes = filled(valuesOf(call.input));
    call.state.put(FAKE, collectionOf(ref), String(rowNumber), { ...row, ...changes });
    return [updateResult(ref, rowNumber, changes)];
  },
};

export const clearRow: FakeModule = {
  kind: 'action',
  output: '`{ spreadsheetId, clearedRange }` (Sheets API `ClearValuesResponse`)',
  run(call) {
    const ref = sheetOf(call.input, call.parameters);
    const { rowNumber, row } = existingRow(call, ref);
    call.state.put(FAKE, collectionOf(ref), String(rowNumber), {});
    return [{ spreadsheetId: ref.spreadsheetId, clearedRange: rangeOf(ref, rowNumber, rowWidth(row)) }];
  },
};

export const deleteRow: FakeModule = {
  kind: 'action',
  output: 'no fields (an empty bundle)',
  run(call) {
    const ref = sheetOf(call.input, call.parameters);
    const { rowNumber } = existingRow(call, ref);
    // Rows below move up one, as in Google Sheets.
    const collection = collectionOf(ref);
    const below = call.state.list(FAKE, collection).filter((r) => Number(r.id) >= rowNumber);
    for (const r of below) call.state.remove(FAKE, collection, r.id);
    for (const r of below.slice(1)) call.state.put(FAKE, collection, String(Number(r.id) - 1), r.data);
    return [{}];
  },
};

export const updateCell: FakeModule = {
  kind: 'action',
  output: WRITE_OUTPUT,
  run(call) {
    const ref = sheetOf(call.input, call.parameters);
    const { column, rowNumber } = cellOf(call.input.cell);
    const collection = collectionOf(ref);
    const row = call.state.get(FAKE, collection, String(rowNumber)) ?? {};
    call.state.put(FAKE, collection, String(rowNumber), { ...row, [String(column)]: call.input.value });
    return [
      {
        ...updateResult(ref, rowNumber, { [String(column)]: call.input.value }),
        updatedRange: `${ref.sheet}!${String(call.input.cell)}`,
      },
    ];
  },
};

/** `B3` → column 1, row 3. */
export function cellOf(cell: unknown): { column: number; rowNumber: number } {
  const match = /^([A-Za-z]{1,3})(\d+)$/.exec(String(cell ?? '').trim());
  if (!match) {
    throw new MakeError('DataError', `Invalid cell "${String(cell)}": use A1 notation such as B3.`);
  }
  return { column: columnIndex(match[1] as string), rowNumber: Number(match[2]) };
}
