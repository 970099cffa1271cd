/**
 * Format tokenizer and renderer (Make's help: https://help.make.com/tokens-for-datetime-formatting; Moment.js
 * token rules). The full token table is in test/conformance/iml/cases/date-tokens.json; this file covers the
 * tokenizer's rules and the renderer's edge cases. 2023-02-05T14:07:09.045Z is a Sunday.
 */
import { describe, expect, it } from 'vitest';
import { formatWithTokens } from '../../../../engine/expression/dates/format-tokens.ts';
import { tokenize } from '../../../../engine/expression/dates/tokenize.ts';

const sunday = new Date('2023-02-05T14:07:09.045Z');
const fmt = (format: string, zone = 'UTC', date = sunday) => formatWithTokens(date, format, zone);

describe('tokenize', () => {
  it('splits tokens and literal text', () => {
    expect(tokenize('DD.MM.YYYY')).toEqual([
      { kind: 'token', token: 'DD' },
      { kind: 'literal', text: '.' },
      { kind: 'token', token: 'MM' },
      { kind: 'literal', text: '.' },
      { kind: 'token', token: 'YYYY' },
    ]);
  });
  it('keeps [bracketed] text literal, tokens inside included', () => {
    expect(tokenize('[YYYY at] HH')).toEqual([
      { kind: 'literal', text: 'YYYY at ' },
      { kind: 'token', token: 'HH' },
    ]);
  });
  it('keeps a backslash-escaped character literal', () => {
    expect(tokenize('\\YYYY')).toEqual([
      { kind: 'literal', text: 'Y' },
      { kind: 'token', token: 'YY' },
      { kind: 'token', token: 'Y' },
    ]);
  });
  it('reads YYY as YY then Y (first alternative wins, as in Moment)', () => {
    expect(tokenize('YYY')).toEqual([
      { kind: 'token', token: 'YY' },
      { kind: 'token', token: 'Y' },
    ]);
  });
  it('leaves letters that are no token literal (T, G alone)', () => {
    expect(tokenize('THG')).toEqual([
      { kind: 'literal', text: 'T' },
      { kind: 'token', token: 'H' },
      { kind: 'literal', text: 'G' },
    ]);
  });
  it('expands long formats before reading tokens (LT = h:mm A)', () => {
    expect(tokenize('LT')).toEqual([
      { kind: 'token', token: 'h' },
      { kind: 'literal', text: ':' },
      { kind: 'token', token: 'mm' },
      { kind: 'literal', text: ' ' },
      { kind: 'token', token: 'A' },
    ]);
  });
  it('takes up to nine S as one fraction token', () => {
    expect(tokenize('SSSSSSSSSS')).toEqual([
      { kind: 'token', token: 'SSSSSSSSS' },
      { kind: 'token', token: 'S' },
    ]);
  });
});

describe('formatWithTokens', () => {
  it('renders the wall clock of the zone', () => {
    expect(fmt('YYYY-MM-DD HH:mm', 'Asia/Tokyo')).toBe('2023-02-05 23:07');
    expect(fmt('YYYY-MM-DD HH:mm', 'America/Los_Angeles')).toBe('2023-02-05 06:07');
  });
  it('renders the date on the other side of midnight when the zone says so', () => {
    expect(fmt('dddd D', 'Pacific/Kiritimati')).toBe('Monday 6');
  });
  it('renders the summer offset of a DST zone', () => {
    expect(fmt('Z', 'Europe/Prague', new Date('2023-07-01T00:00:00Z'))).toBe('+02:00');
  });
  it('renders a zone abbreviation for z', () => {
    expect(fmt('z', 'UTC')).toBe('UTC');
    expect(fmt('z', 'America/New_York')).toBe('EST');
  });
  it('renders a year below 1000 with four digits', () => {
    expect(fmt('YYYY', 'UTC', new Date('0022-02-15T00:00:00Z'))).toBe('0022');
  });
  it('renders text without tokens unchanged', () => {
    expect(fmt('---', 'UTC')).toBe('---');
  });
});
