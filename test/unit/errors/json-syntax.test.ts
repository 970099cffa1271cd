import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findErrorOffset, parseJsonText } from '../../../engine/errors/json-syntax.ts';

describe('parseJsonText', () => {
  it('parses valid JSON', () => {
    expect(parseJsonText('{"a": [1, "x", null]}')).toEqual({ ok: true, value: { a: [1, 'x', null] } });
  });

  it.each([
    ['a trailing comma', '{\n  "a": 1,\n}', 3, 1],
    ['a missing comma', '[1\n 2]', 2, 2],
    ['an unterminated string', '{"a": "x', 1, 9],
    ['a bad escape', '"\\q"', 1, 3],
    ['a lone minus', '[-]', 1, 2],
    ['trailing garbage', '{} x', 1, 4],
  ])('locates %s', (_name, text, line, column) => {
    const result = parseJsonText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect([result.problem.line, result.problem.column]).toEqual([line, column]);
  });

  it('the error scanner agrees with JSON.parse on which texts are valid', () => {
    const mangled = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '-', 'x'))
      .map(
        ([json, at, insert]) =>
          json.slice(0, at % (json.length + 1)) + insert + json.slice(at % (json.length + 1)),
      );
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), mangled), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(findErrorOffset(text) === -1).toBe(valid);
      }),
    );
  });
});
