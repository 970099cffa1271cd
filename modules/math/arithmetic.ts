/**
 * A closed arithmetic language for Math > Evaluate expression (no eval, no Function — DESIGN
 * principle 8): numbers, + - * / % ^ (right-associative), unary signs, parentheses, the constants
 * `pi` and `e`, and a fixed table of functions. Errors carry the 0-based position.
 */
import { fail, type Token, tokenize } from './tokenize.ts';

const FUNCTIONS: Readonly<Record<string, (...args: number[]) => number>> = {
  abs: Math.abs,
  ceil: Math.ceil,
  floor: Math.floor,
  round: Math.round,
  trunc: Math.trunc,
  sqrt: Math.sqrt,
  cbrt: Math.cbrt,
  exp: Math.exp,
  log: Math.log,
  ln: Math.log,
  log10: Math.log10,
  log2: Math.log2,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  pow: Math.pow,
  min: Math.min,
  max: Math.max,
};

const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

class Parser {
  #i = 0;
  constructor(
    readonly tokens: Token[],
    readonly end: number,
  ) {}

  peek(): Token | undefined {
    return this.tokens[this.#i];
  }

  take(text?: string): Token {
    const token = this.tokens[this.#i];
    if (!token) fail(text ? `expected "${text}"` : 'unexpected end', this.end);
    if (text !== undefined && token.text !== text)
      fail(`expected "${text}", found "${token.text}"`, token.at);
    this.#i++;
    return token;
  }

  done(): boolean {
    return this.#i >= this.tokens.length;
  }

  binary(next: () => number, ops: string, apply: (op: string, a: number, b: number) => number): number {
    let value = next();
    for (let t = this.peek(); t && t.kind === 'op' && ops.includes(t.text); t = this.peek()) {
      this.take();
      value = apply(t.text, value, next());
    }
    return value;
  }

  expr = (): number => this.binary(this.term, '+-', (op, a, b) => (op === '+' ? a + b : a - b));

  term = (): number =>
    this.binary(this.unary, '*/%', (op, a, b) => (op === '*' ? a * b : op === '/' ? a / b : a % b));

  unary = (): number => {
    const t = this.peek();
    if (t && (t.text === '-' || t.text === '+')) {
      this.take();
      const value = this.unary();
      return t.text === '-' ? -value : value;
    }
    return this.power();
  };

  power = (): number => {
    const base = this.primary();
    if (this.peek()?.text !== '^') return base;
    this.take();
    return base ** this.unary();
  };

  primary = (): number => {
    const t = this.take();
    if (t.kind === 'number') return Number(t.text);
    if (t.text === '(') {
      const value = this.expr();
      this.take(')');
      return value;
    }
    if (t.kind === 'name') return this.name(t);
    return fail(`unexpected "${t.text}"`, t.at);
  };

  name(t: Token): number {
    const lower = t.text.toLowerCase();
    if (this.peek()?.text !== '(') {
      const constant = CONSTANTS[lower];
      return constant ?? fail(`unknown name "${t.text}"`, t.at);
    }
    const fn = FUNCTIONS[lower] ?? fail(`unknown function "${t.text}"`, t.at);
    this.take('(');
    const args: number[] = [];
    if (this.peek()?.text !== ')') {
      args.push(this.expr());
      while (this.peek()?.text === ',') {
        this.take();
        args.push(this.expr());
      }
    }
    this.take(')');
    return fn(...args);
  }
}

export function evaluateArithmetic(source: string): number {
  if (source.trim() === '') fail('the expression is empty', 0);
  const parser = new Parser(tokenize(source), source.length);
  const value = parser.expr();
  const rest = parser.peek();
  if (rest) fail(`unexpected "${rest.text}"`, rest.at);
  return value;
}
