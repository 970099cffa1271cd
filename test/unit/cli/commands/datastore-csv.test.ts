/** RFC 4180 CSV reader/writer used by `makesim datastore import/export`. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv, writeCsv } from '../../../../cli/commands/datastore-csv.ts';

describe('parseCsv', () => {
  it('splits fields on commas and records on CRLF or LF', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('does not add a row for the final line break', () => {
    expect(parseCsv('a,b\r\n')).toEqual([['a', 'b']]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks (RFC 4180 §2.5–2.7)', () => {
    expect(parseCsv('"a,b","say ""hi""","line1\r\nline2"\r\nx,,""')).toEqual([
      ['a,b', 'say "hi"', 'line1\r\nline2'],
      ['x', '', ''],
    ]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,\n')).toEqual([['a', '', '']]);
  });

  it('skips a UTF-8 byte order mark', () => {
    expect(parseCsv('\uFEFFkey\nk1')).toEqual([['key'], ['k1']]);
  });

  it('reports an unclosed quote with its line', () => {
    try {
      parseCsv('a\n"open');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CsvSyntaxError);
      expect((error as CsvSyntaxError).line).toBe(2);
    }
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsv('"a"b')).toThrow(CsvSyntaxError);
  });
});

describe('writeCsv', () => {
  it('quotes only fields that need it and ends lines with CRLF', () => {
    expect(
      writeCsv([
        ['key', 'note'],
        ['k1', 'a "b", c'],
      ]),
    ).toBe('key,note\r\nk1,"a ""b"", c"\r\n');
  });

  it('round-trips any table of text', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ',', '"', '\r', '\n', ' ', 'é') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          expect(parseCsv(writeCsv(rows))).toEqual(rows);
        },
      ),
    );
  });
});
