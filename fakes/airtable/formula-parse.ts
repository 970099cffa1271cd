/**
 * Airtable formulas (Search Records' and Watch Records' "Formula"), parsed into a small tree.
 * The subset real scenarios use: `{Field}` references, 'single' and "double" quoted text,
 * numbers, the operators `= != <> < > <= >= & + - * /`, parentheses and function calls
 * (Airtable's "Formula field reference"). Anything else is an UnsupportedFormula naming the place.
 */

export type FormulaNode =
  | { kind: 'field'; name: string }
  | { kind: 'literal'; value: string | number }
  | { kind: 'call'; name: string; args: FormulaNode[] }
  | { kind: 'binary'; op: string; left: FormulaNode; right: FormulaNode }
  | { kind: 'negate'; operand: FormulaNode };

/** A formula the fake cannot evaluate: the test setup must change, the scenario is not at fault. */
export class UnsupportedFormula extends Error {
  constructor(message: string, position: number) {
    super(`${message} at position ${position + 1}`);
    this.name = 'UnsupportedFormula';
  }
}

type Token = { type: 'field' | 'text' | 'number' | 'name' | 'op'; value: string; at: number };

const OPERATORS = ['!=', '<>', '<=', '>=', '=', '<', '>', '&', '+', '-', '*', '/', '(', ')', ','];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) i++;
    else if (ch === '{') {
      const end = source.indexOf('}', i);
      if (end < 0) throw new UnsupportedFormula('unclosed field reference "{"', i);
      tokens.push({ type: 'field', value: source.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (ch === '"' || ch === "'") i = readText(source, i, tokens);
    else if (/[0-9.]/.test(ch)) {
      const match = /^[0-9]*\.?[0-9]+/.exec(source.slice(i));
      if (!match) throw new UnsupportedFormula(`unexpected "${ch}"`, i);
      tokens.push({ type: 'number', value: match[0], at: i });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const name = (/^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i)) as RegExpExecArray)[0];
      tokens.push({ type: 'name', value: name.toUpperCase(), at: i });
      i += name.length;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) throw new UnsupportedFormula(`unexpected "${ch}"`, i);
      tokens.push({ type: 'op', value: op, at: i });
      i += op.length;
    }
  }
  return tokens;
}

/** A quoted text; a backslash escapes the next character (Airtable's `\"`). */
function readText(source: string, start: number, tokens: Token[]): number {
  const quote = source[start];
  let value = '';
  let i = start + 1;
  while (i < source.length && source[i] !== quote) {
    if (source[i] === '\\' && i + 1 < source.length) i++;
    value += source[i];
    i++;
  }
  if (i >= source.length) throw new UnsupportedFormula(`unclosed text ${quote}`, start);
  tokens.push({ type: 'text', value, at: start });
  return i + 1;
}

/** Lowest to highest binding, as in Airtable (comparison, then `&`, then arithmetic). */
const LEVELS = [['=', '!=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];

export function parseFormula(source: string): FormulaNode {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos];
  const atOp = (op: string) => peek()?.type === 'op' && peek()?.value === op;
  const expectOp = (op: string) => {
    const token = peek();
    if (token?.type !== 'op' || token.value !== op) {
      throw new UnsupportedFormula(`expected "${op}"`, token?.at ?? source.length);
    }
    pos++;
  };
  const level = (n: number): FormulaNode => {
    if (n === LEVELS.length) return unary();
    let left = level(n + 1);
    for (let t = peek(); t?.type === 'op' && LEVELS[n]?.includes(t.value); t = peek()) {
      pos++;
      left = { kind: 'binary', op: t.value === '<>' ? '!=' : t.value, left, right: level(n + 1) };
    }
    return left;
  };
  const unary = (): FormulaNode => {
    const token = peek();
    if (token?.type === 'op' && token.value === '-') {
      pos++;
      return { kind: 'negate', operand: unary() };
    }
    return primary();
  };
  const primary = (): FormulaNode => {
    const token = tokens[pos++];
    if (!token) throw new UnsupportedFormula('the formula ends too early', source.length);
    if (token.type === 'field') return { kind: 'field', name: token.value };
    if (token.type === 'text') return { kind: 'literal', value: token.value };
    if (token.type === 'number') return { kind: 'literal', value: Number(token.value) };
    if (token.type === 'op' && token.value === '(') {
      const inner = level(0);
      expectOp(')');
      return inner;
    }
    if (token.type === 'name') return { kind: 'call', name: token.value, args: callArgs(token) };
    throw new UnsupportedFormula(`unexpected "${token.value}"`, token.at);
  };
  const callArgs = (name: Token): FormulaNode[] => {
    // TRUE and FALSE may be written without parentheses.
    if (!atOp('(')) {
      if (name.value === 'TRUE' || name.value === 'FALSE') return [];
      throw new UnsupportedFormula(`expected "(" after ${name.value}`, name.at);
    }
    pos++;
    const args: FormulaNode[] = [];
    if (atOp(')')) pos++;
    else {
      args.push(level(0));
      while (atOp(',')) {
        pos++;
        args.push(level(0));
      }
      expectOp(')');
    }
    return args;
  };
  const tree = level(0);
  const rest = peek();
  if (rest) throw new UnsupportedFormula(`unexpected "${rest.value}"`, rest.at);
  return tree;
}
