/**
 * Sheets, rows and cells as Make's Google Sheets modules address them: a spreadsheet id (Make's
 * "select" mode writes a Drive path `/folder/…/id`: the id is its last part) and a sheet name; a row
 * keyed by 0-based column index (`"0"` = column A), as the modules' `metadata.interface` names
 * them; row 1 holds the headers ("Table contains headers: Yes", Make's default), data from row 2.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import type { FakeState } from '../state.ts';

export const FAKE = 'google-sheets';
export const FIRST_DATA_ROW = 2;

export type Row = Record<string, unknown>;

export interface SheetRef {
  spreadsheetId: string;
  sheet: string;
}

export function collectionOf(ref: SheetRef): string {
  return `${ref.spreadsheetId}/${ref.sheet}`;
}

/** `"abc/Sheet1"` (the seed key) → spreadsheet and sheet: the sheet is after the last `/`. */
export function parseCollection(key: string): SheetRef | undefined {
  const at = key.lastIndexOf('/');
  if (at <= 0 || at === key.length - 1) return undefined;
  return { spreadsheetId: spreadsheetIdOf(key.slice(0, at)), sheet: key.slice(at + 1) };
}

export function spreadsheetIdOf(value: unknown): string {
  const text = String(value ?? '').trim();
  const parts = text.split('/').filter((p) => p !== '');
  return parts.at(-1) ?? text;
}

/** The sheet a module call addresses, from its mapper or (triggers) its parameters. */
export function sheetOf(
  input: Record<string, unknown>,
  parameters: Readonly<Record<string, unknown>>,
): SheetRef {
  const spreadsheetId = input.spreadsheetId ?? parameters.spreadsheetId;
  const sheet = input.sheetId ?? parameters.sheetId ?? input.sheet ?? parameters.sheet;
  if (spreadsheetId === undefined || spreadsheetId === '' || sheet === undefined || sheet === '') {
    throw new MakeError(
      'DataError',
      'Missing value of required parameter: spreadsheetId and sheetId are required.',
    );
  }
  return { spreadsheetId: spreadsheetIdOf(spreadsheetId), sheet: String(sheet) };
}

/** `A` → 0, `AB` → 27. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A row with its keys as column indexes: `"A"` and `"0"` both name the first column. */
export function normalizeRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    const index = /^\d+$/.test(key)
      ? Number(key)
      : /^[A-Za-z]{1,3}$/.test(key)
        ? columnIndex(key)
        : undefined;
    if (index === undefined) continue;
    out[String(index)] = value;
  }
  return out;
}

export function rowsOf(state: FakeState, ref: SheetRef): Array<{ rowNumber: number; row: Row }> {
  return state.list(FAKE, collectionOf(ref)).map((r) => ({ rowNumber: Number(r.id), row: r.data }));
}

export function lastRowNumber(state: FakeState, ref: SheetRef): number {
  return rowsOf(state, ref).reduce((max, r) => Math.max(max, r.rowNumber), FIRST_DATA_ROW - 1);
}

/** A data row as the row-returning modules output it (interface: `__ROW_NUMBER__`, …, `"0"`). */
export function rowBundle(ref: SheetRef, rowNumber: number, row: Row): Record<string, unknown> {
  return { __ROW_NUMBER__: rowNumber, __SPREADSHEET_ID__: ref.spreadsheetId, __SHEET__: ref.sheet, ...row };
}

/** Width of a row: one past its last filled column. */
export function rowWidth(row: Row): number {
  return Object.keys(row).reduce((max, k) => Math.max(max, Number(k) + 1), 0);
}

export function rangeOf(ref: SheetRef, rowNumber: number, width: number): string {
  return `${ref.sheet}!A${rowNumber}:${columnLetters(Math.max(width, 1) - 1)}${rowNumber}`;
}

/** Google's answer for a row outside the sheet's data (docs/fidelity.md "Fakes"). */
export function missingRow(ref: SheetRef, rowNumber: unknown): MakeError {
  return new MakeError(
    'DataError',
    `Row ${String(rowNumber)} does not exist in sheet "${ref.sheet}" of spreadsheet ${ref.spreadsheetId}.`,
  );
}
