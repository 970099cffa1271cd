/**
 * JSON parsing that says where it broke. Node's own messages carry a position only sometimes
 * (it depends on the V8 version and the error), so on failure a small scanner finds the offset.
 */

export interface JsonSyntaxProblem {
  line: number;
  column: number;
  offset: number;
  message: string;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: JsonSyntaxProblem };

export function parseJsonText(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const scanned = findErrorOffset(text);
    // The scanner accepts what JSON.parse rejected only for inputs V8 refuses for other reasons (size).
    const offset = scanned < 0 ? text.length : scanned;
    const { line, column } = lineAndColumn(text, offset);
    const found = offset >= text.length ? 'end of input' : JSON.stringify(text[offset]);
    return {
      ok: false,
      problem: {
        line,
        column,
        offset,
        message: `invalid JSON at line ${line}, column ${column}: unexpected ${found}`,
      },
    };
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Offset of the first character that makes `text` invalid JSON (text.length if it ends early); -1 if valid. */
export function findErrorOffset(text: string): number {
  const scanner = { text, i: 0 };
  try {
    value(scanner);
    space(scanner);
    return scanner.i < text.length ? scanner.i : -1;
  } catch (offset) {
    return typeof offset === 'number' ? offset : text.length;
  }
}

interface Scanner {
  text: string;
  i: number;
}

function space(s: Scanner): void {
  while (s.i < s.text.length && ' \t\n\r'.includes(s.text[s.i]!)) s.i++;
}

function expect(s: Scanner, ch: string): void {
  if (s.text[s.i] !== ch) throw s.i;
  s.i++;
}

function value(s: Scanner): void {
  space(s);
  const ch = s.text[s.i];
  if (ch === '{') object(s);
  else if (ch === '[') array(s);
  else if (ch === '"') string(s);
  else if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) number(s);
  else literal(s);
}

function literal(s: Scanner): void {
  for (const word of ['true', 'false', 'null']) {
    if (s.text.startsWith(word, s.i)) {
      s.i += word.length;
      return;
    }
  }
  throw s.i;
}

function object(s: Scanner): void {
  expect(s, '{');
  space(s);
  if (s.text[s.i] === '}') {
    s.i++;
    return;
  }
  for (;;) {
    space(s);
    string(s);
    space(s);
    expect(s, ':');
    value(s);
    space(s);
    if (s.text[s.i] === '}') {
      s.i++;
      return;
    }
    expect(s, ',');
  }
}

function array(s: Scanner): void {
  expect(s, '[');
  space(s);
  if (s.text[s.i] === ']') {
    s.i++;
    return;
  }
  for (;;) {
    value(s);
    space(s);
    if (s.text[s.i] === ']') {
      s.i++;
      return;
    }
    expect(s, ',');
  }
}

function string(s: Scanner): void {
  expect(s, '"');
  while (s.i < s.text.length) {
    const ch = s.text[s.i]!;
    if (ch === '"') {
      s.i++;
      return;
    }
    if (ch < ' ') throw s.i;
    if (ch === '\\') {
      const next = s.text[s.i + 1];
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(s.text.slice(s.i + 2, s.i + 6))) s.i += 6;
      else if (next !== undefined && '"\\/bfnrt'.includes(next)) s.i += 2;
      else throw s.i + 1;
    } else {
      s.i++;
    }
  }
  throw s.i;
}

function number(s: Scanner): void {
  const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(s.text.slice(s.i, s.i + 400));
  if (!match || match[0] === '-' || match[0] === '') throw s.i;
  s.i += match[0].length;
}
