/** Tokens of the arithmetic language (arithmetic.ts): numbers, names, operators; positions are 0-based. */
import { dataError } from '../../engine/errors/make-error.ts';

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|([-+*/%^(),]))/y;

export interface Token {
  kind: 'number' | 'name' | 'op';
  text: string;
  at: number;
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    const start = TOKEN.lastIndex;
    if (/^\s*$/.test(source.slice(start))) break;
    const match = TOKEN.exec(source);
    if (!match)
      fail(`unexpected character "${source.slice(start).trimStart()[0]}"`, start + leading(source, start));
    const [whole, num, name, op] = match;
    const at = start + whole.length - (num ?? name ?? op ?? '').length;
    tokens.push(
      num !== undefined
        ? { kind: 'number', text: num, at }
        : name !== undefined
          ? { kind: 'name', text: name, at }
          : { kind: 'op', text: op ?? '', at },
    );
  }
  return tokens;
}

function leading(source: string, from: number): number {
  return source.slice(from).length - source.slice(from).trimStart().length;
}

export function fail(message: string, position: number): never {
  throw dataError(`Invalid expression: ${message} at position ${position}.`, {
    code: 'invalid-expression',
    position,
  });
}
