/**
 * A small RFC 4180 CSV reader and writer for `makesim datastore import/export`: fields separated
 * by commas, records by CRLF (LF accepted on input), fields with commas, quotes or line breaks
 * quoted, quotes doubled inside quotes.
 */

export class CsvSyntaxError extends Error {
  readonly line: number;

  constructor(message: string, line: number) {
    super(`CSV line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
    this.line = line;
  }
}

/** Parses CSV text into rows of fields. A final line break does not add an empty row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let quotedField = false;
  const endField = () => {
    row.push(field);
    field = '';
    quotedField = false;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"' && field === '' && !quotedField) {
      const end = readQuoted(text, i + 1, line);
      field = end.value;
      line = end.line;
      i = end.next;
      quotedField = true;
      const after = text[i];
      if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r') {
        throw new CsvSyntaxError(
          'text after a closing quote; quote the whole field and double inner quotes',
          line,
        );
      }
      continue;
    }
    if (ch === ',') {
      endField();
    } else if (ch === '\r' || ch === '\n') {
      endField();
      rows.push(row);
      row = [];
      line += 1;
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || quotedField || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** Reads a quoted field starting after its opening quote. */
function readQuoted(
  text: string,
  start: number,
  startLine: number,
): { value: string; next: number; line: number } {
  let value = '';
  let line = startLine;
  let i = start;
  for (;;) {
    const quote = text.indexOf('"', i);
    if (quote === -1) throw new CsvSyntaxError('a quoted field is never closed', startLine);
    const chunk = text.slice(i, quote);
    line += chunk.split('\n').length - 1;
    value += chunk;
    if (text[quote + 1] === '"') {
      value += '"';
      i = quote + 2;
    } else {
      return { value, next: quote + 1, line };
    }
  }
}

function quoteField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** Writes rows as CSV with CRLF line ends (RFC 4180 §2.1), ending with a line break. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(quoteField).join(',')}\r\n`).join('');
}
