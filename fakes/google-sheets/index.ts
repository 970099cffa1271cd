/**
 * Google Sheets fake (`"fakes": {"google-sheets": {"<spreadsheetId>/<sheet>": [ {…row…} ]}}`):
 * spreadsheets → sheets → rows numbered as Make numbers them (headers in row 1, data from row 2).
 * Seed rows are keyed by column index (`"0"`) or letter (`"A"`); the snapshot gives them back by
 * index, one entry per data row, empty rows as `{}`.
 */
import { defineFake, FakeSeedError } from '../define-fake.ts';
import type { FakeState } from '../state.ts';
import { filterRows, getCell, watchRows } from './read.ts';
import { collectionOf, FAKE, FIRST_DATA_ROW, normalizeRow, parseCollection, rowsOf } from './sheet.ts';
import { addRow, clearRow, deleteRow, updateCell, updateRow } from './write.ts';

function seed(state: FakeState, value: unknown): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new FakeSeedError(FAKE, '', 'give an object: "<spreadsheetId>/<sheet>" → array of rows');
  }
  for (const [key, rows] of Object.entries(value)) {
    const ref = parseCollection(key);
    if (!ref) throw new FakeSeedError(FAKE, key, 'name a sheet as "<spreadsheetId>/<sheet name>"');
    if (!Array.isArray(rows)) throw new FakeSeedError(FAKE, key, 'give the sheet an array of rows');
    // A sheet seeded empty still exists (and shows in the snapshot).
    state.setCursor(FAKE, `exists:${collectionOf(ref)}`, '1');
    rows.forEach((row, i) => {
      if (!row || typeof row !== 'object' || Array.isArray(row)) {
        throw new FakeSeedError(FAKE, `${key}[${i}]`, 'a row is an object keyed by column ("0" or "A")');
      }
      state.put(
        FAKE,
        collectionOf(ref),
        String(FIRST_DATA_ROW + i),
        normalizeRow(row as Record<string, unknown>),
      );
    });
  }
}

function snapshot(state: FakeState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const seeded = state.cursorNames(FAKE, 'exists:').map((name) => name.slice('exists:'.length));
  for (const collection of [...new Set([...seeded, ...state.collections(FAKE)])].sort()) {
    const ref = parseCollection(collection);
    if (!ref) continue;
    const rows = rowsOf(state, ref);
    const last = rows.reduce((max, r) => Math.max(max, r.rowNumber), FIRST_DATA_ROW - 1);
    const byNumber = new Map(rows.map((r) => [r.rowNumber, r.row]));
    out[collection] = Array.from(
      { length: last - FIRST_DATA_ROW + 1 },
      (_, i) => byNumber.get(FIRST_DATA_ROW + i) ?? {},
    );
  }
  return out;
}

export const googleSheetsFake = defineFake({
  name: FAKE,
  description: "Spreadsheets, sheets and rows with Make's row numbering.",
  modules: {
    'google-sheets:watchRows': watchRows,
    'google-sheets:addRow': addRow,
    'google-sheets:updateRow': updateRow,
    'google-sheets:filterRows': filterRows,
    'google-sheets:getCell': getCell,
    'google-sheets:updateCell': updateCell,
    'google-sheets:clearRow': clearRow,
    'google-sheets:deleteRow': deleteRow,
  },
  seed,
  snapshot,
});
