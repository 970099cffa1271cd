/**
 * Parses the tokens of one `{{…}}` segment into a Node (Make's help: https://help.make.com/mapping).
 * Precedence follows JavaScript (https://developers.make.com/custom-apps-documentation/block-elements/iml,
 * Open question 1): `* / %`, `+ -`, relational, equality, and, or.
 */
import { ExpressionError } from '../errors/expression-error.ts';
import type { BinaryOp, Node } from './ast.ts';
import { isKeyword } from './keywords.ts';
import type { Token } from './lexer.ts';
import { BINARY_SPELLINGS, PRECEDENCE } from './precedence.ts';

/** Deepest nesting of parentheses, calls and operators a formula may have (DESIGN principle 7). */
export const MAX_EXPRESSION_DEPTH = 256;

export function parseSegment(tokens: readonly Token[], source: string): Node {
  const parser = new Parser(tokens, source);
  const node = parser.expression(0);
  parser.expectEnd();
  return node;
}

class Parser {
  private i = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly Token[],
    private readonly source: string,
  ) {}

  private peek(): Token {
    return this.tokens[this.i] ?? this.tokens[this.tokens.length - 1] ?? { kind: 'end', value: '', pos: 0 };
  }

  private take(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  private isPunct(value: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.value === value;
  }

  fail(token: Token, message?: string): never {
    if (token.kind === 'end') {
      throw new ExpressionError(
        'unexpected-end',
        message ?? 'The formula ends too early',
        token.pos,
        this.source,
      );
    }
    const shown = token.kind === 'str' ? 'a quoted text' : `"${token.value}"`;
    throw new ExpressionError('unexpected-token', message ?? `Unexpected ${shown}`, token.pos, this.source);
  }

  private expectPunct(value: string): void {
    if (!this.isPunct(value)) this.fail(this.peek(), `Expected "${value}"`);
    this.take();
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.kind !== 'end') this.fail(t, `Unexpected "${t.value}": expected an operator or "}}"`);
  }

  /** Runs `parse` one nesting level deeper; past MAX_EXPRESSION_DEPTH the formula is rejected. */
  private deeper<T>(pos: number, parse: () => T): T {
    if (++this.depth > MAX_EXPRESSION_DEPTH) {
      throw new ExpressionError(
        'too-deep',
        `The formula nests deeper than ${MAX_EXPRESSION_DEPTH} levels`,
        pos,
        this.source,
      );
    }
    const result = parse();
    this.depth--;
    return result;
  }

  private binaryOp(): BinaryOp | undefined {
    const t = this.peek();
    if (t.kind === 'op' || t.kind === 'ident')
      return Object.hasOwn(BINARY_SPELLINGS, t.value) ? BINARY_SPELLINGS[t.value] : undefined;
    return undefined;
  }

  /** Precedence climbing; each right operand parses one level deeper. */
  expression(minPrecedence: number): Node {
    let left = this.unary();
    for (let op = this.binaryOp(); op !== undefined && PRECEDENCE[op] > minPrecedence; op = this.binaryOp()) {
      const t = this.take();
      const level = PRECEDENCE[op];
      const right = this.deeper(t.pos, () => this.expression(level));
      left = { type: 'binary', op, left, right, pos: t.pos };
    }
    return left;
  }

  private unary(): Node {
    const t = this.peek();
    if (t.kind === 'op' && (t.value === '-' || t.value === '!')) {
      this.take();
      const op = t.value;
      return { type: 'unary', op, operand: this.deeper(t.pos, () => this.unary()), pos: t.pos };
    }
    return this.postfix(this.primary());
  }

  private postfix(start: Node): Node {
    let node = start;
    for (;;) {
      if (this.isPunct('.')) {
        const dot = this.take();
        node = { type: 'member', object: node, key: this.memberKey(), pos: dot.pos };
      } else if (this.isPunct('[')) {
        const open = this.take();
        const index = this.isPunct(']') ? null : this.nested(open.pos);
        this.expectPunct(']');
        node = { type: 'index', object: node, index, pos: open.pos };
      } else {
        return node;
      }
    }
  }

  private memberKey(): string {
    const t = this.take();
    if (t.kind === 'ident' || t.kind === 'tick' || (t.kind === 'num' && /^\d+$/.test(t.value)))
      return t.value;
    return this.fail(t, 'Expected a name after "."');
  }

  /** A sub-expression inside brackets, parentheses or arguments: one level deeper. */
  private nested(pos: number): Node {
    return this.deeper(pos, () => this.expression(0));
  }

  private primary(): Node {
    const t = this.take();
    switch (t.kind) {
      case 'num':
        return this.numberOrModule(t);
      case 'str':
        return { type: 'literal', value: t.value, pos: t.pos };
      case 'tick':
        // `` `1` `` is the whole bundle of module 1; any other backticked root names nothing.
        return /^\d+$/.test(t.value)
          ? { type: 'module', id: Number(t.value), pos: t.pos }
          : { type: 'missing', pos: t.pos };
      case 'ident':
        return this.identifier(t);
      case 'punct':
        if (t.value === '(') {
          const inner = this.nested(t.pos);
          this.expectPunct(')');
          return inner;
        }
        return this.fail(t);
      default:
        return this.fail(t);
    }
  }

  private numberOrModule(t: Token): Node {
    const isModule = /^\d+$/.test(t.value) && this.isPunct('.');
    return isModule
      ? { type: 'module', id: Number(t.value), pos: t.pos }
      : { type: 'literal', value: Number(t.value), pos: t.pos };
  }

  private identifier(t: Token): Node {
    if (this.isPunct('(')) return { type: 'call', name: t.value, args: this.args(), pos: t.pos };
    if (t.value === 'and' || t.value === 'or') return this.fail(t);
    if (t.value === 'var') return { type: 'var', pos: t.pos };
    if (isKeyword(t.value)) return { type: 'keyword', name: t.value, pos: t.pos };
    return { type: 'missing', pos: t.pos };
  }

  /**
   * `(a; b, c)`: both separators are accepted (https://help.make.com/use-functions); an empty argument is a
   * missing value.
   */
  private args(): Node[] {
    this.take();
    const args: Node[] = [];
    if (this.isPunct(')')) {
      this.take();
      return args;
    }
    for (;;) {
      const here = this.peek();
      const empty = here.kind === 'punct' && (here.value === ';' || here.value === ',' || here.value === ')');
      args.push(empty ? { type: 'missing', pos: here.pos } : this.nested(here.pos));
      const sep = this.take();
      if (sep.kind === 'punct' && sep.value === ')') return args;
      if (sep.kind !== 'punct' || (sep.value !== ';' && sep.value !== ','))
        this.fail(sep, 'Expected ";" or ")"');
    }
  }
}
