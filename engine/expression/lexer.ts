/**
 * Tokens of one `{{…}}` segment (https://help.make.com/mapping,
 * https://developers.make.com/custom-apps-documentation/block-elements/iml). The lexer starts right after
 * `{{` and stops at the first `}}` outside a string literal, so `"}}"` inside quotes is text.
 */
import { ExpressionError } from '../errors/expression-error.ts';

export type TokenKind = 'num' | 'str' | 'ident' | 'tick' | 'op' | 'punct' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** Text of an op/punct/ident, decoded content of a string/backtick, digits of a number. */
  readonly value: string;
  readonly pos: number;
}

/** Longest first, so `===` wins over `==` and `=`. */
const OPERATORS = [
  '===',
  '!==',
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '=',
  '<',
  '>',
  '!',
  '&',
  '|',
  '+',
  '-',
  '*',
  '/',
  '%',
];
const PUNCT = '()[].;,';

export interface LexResult {
  readonly tokens: Token[];
  /** Offset just past the closing `}}`. */
  readonly next: number;
}

/** Lexes from `start` (just after `{{`) to the matching `}}`; `open` is the `{{` offset. */
export function lexSegment(source: string, start: number, open: number): LexResult {
  const tokens: Token[] = [];
  let i = start;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === 125 /* } */ && source.charCodeAt(i + 1) === 125) {
      tokens.push({ kind: 'end', value: '}}', pos: i });
      return { tokens, next: i + 2 };
    } else if (c === 34 || c === 39 /* " ' */) {
      i = lexString(source, i, tokens);
    } else if (c === 96 /* ` */) {
      i = lexBacktick(source, i, tokens);
    } else if (isDigit(c)) {
      i = lexNumber(source, i, tokens);
    } else if (isIdentChar(c)) {
      let j = i + 1;
      while (j < source.length && isIdentChar(source.charCodeAt(j))) j++;
      tokens.push({ kind: 'ident', value: source.slice(i, j), pos: i });
      i = j;
    } else {
      i = lexSymbol(source, i, tokens);
    }
  }
  throw new ExpressionError(
    'unterminated-template',
    'The formula opened with "{{" is never closed with "}}"',
    open,
    source,
  );
}

function lexSymbol(source: string, i: number, tokens: Token[]): number {
  const ch = source[i] ?? '';
  if (PUNCT.includes(ch)) {
    tokens.push({ kind: 'punct', value: ch, pos: i });
    return i + 1;
  }
  for (const op of OPERATORS) {
    if (source.startsWith(op, i)) {
      tokens.push({ kind: 'op', value: op, pos: i });
      return i + op.length;
    }
  }
  throw new ExpressionError('unexpected-token', `Unexpected character "${ch}"`, i, source);
}

/**
 * String literals (docs/fidelity.md, open question 2, escaping): a doubled quote stands for one quote (`"say
 * ""hi"""`), as Make's UI writes it in exported blueprints (corpus: Slack block JSON built inside `"…"`
 * literals, `"""MM/DD/YYYY"""`). A backslash is an ordinary character, so regex text such as
 * "/\d+/g" survives unchanged.
 */
export function lexString(source: string, start: number, tokens: Token[]): number {
  const quote = source.charCodeAt(start);
  let out = '';
  let from = start + 1;
  for (let i = from; i < source.length; i++) {
    if (source.charCodeAt(i) !== quote) continue;
    out += source.slice(from, i);
    if (source.charCodeAt(i + 1) !== quote) {
      tokens.push({ kind: 'str', value: out, pos: start });
      return i + 1;
    }
    out += source[i];
    from = i + 2;
    i++;
  }
  throw new ExpressionError('unterminated-string', 'A quoted text is never closed', start, source);
}

function lexBacktick(source: string, start: number, tokens: Token[]): number {
  const close = source.indexOf('`', start + 1);
  if (close < 0)
    throw new ExpressionError('unterminated-string', 'A `backticked` name is never closed', start, source);
  tokens.push({ kind: 'tick', value: source.slice(start + 1, close), pos: start });
  return close + 1;
}

/** Digits with an optional fraction; `1.a` stays number `1` then `.` then `a` (a reference). */
function lexNumber(source: string, start: number, tokens: Token[]): number {
  let i = start;
  while (isDigit(source.charCodeAt(i))) i++;
  if (source.charCodeAt(i) === 46 && isDigit(source.charCodeAt(i + 1))) {
    i++;
    while (isDigit(source.charCodeAt(i))) i++;
  }
  tokens.push({ kind: 'num', value: source.slice(start, i), pos: start });
  return i;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters, digits, `_`, `$` and any non-ASCII character (keys in other scripts). */
function isIdentChar(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    isDigit(c) ||
    c === 95 ||
    c === 36 ||
    (c > 127 && c !== 160)
  );
}
