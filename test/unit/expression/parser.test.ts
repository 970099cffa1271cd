import { describe, expect, it } from 'vitest';
import type { Node } from '../../../engine/expression/ast.ts';
import { lexSegment } from '../../../engine/expression/lexer.ts';
import { parseSegment } from '../../../engine/expression/parser.ts';

/** Parses the first `{{…}}` of `source`. */
function parse(source: string): Node {
  const open = source.indexOf('{{');
  return parseSegment(lexSegment(source, open + 2, open).tokens, source);
}

/** A compact rendering of the tree, to assert on its shape. */
function show(node: Node): string {
  switch (node.type) {
    case 'literal':
      return JSON.stringify(node.value);
    case 'keyword':
      return node.name;
    case 'module':
      return `#${node.id}`;
    case 'var':
      return 'var';
    case 'missing':
      return '?';
    case 'member':
      return `${show(node.object)}.${node.key}`;
    case 'index':
      return `${show(node.object)}[${node.index === null ? '' : show(node.index)}]`;
    case 'call':
      return `${node.name}(${node.args.map(show).join('; ')})`;
    case 'unary':
      return `(${node.op}${show(node.operand)})`;
    case 'binary':
      return `(${show(node.left)} ${node.op} ${show(node.right)})`;
  }
}

describe('parseSegment', () => {
  it('reads a module reference followed by path segments', () => {
    expect(show(parse('{{1.data.`user address`[2].city}}'))).toBe('#1.data.user address[2].city');
  });

  it('reads a decimal as a number, not a reference', () => {
    expect(show(parse('{{1.5}}'))).toBe('1.5');
  });

  it('applies JavaScript precedence', () => {
    expect(show(parse('{{1 + 2 * 3 > 4 and 5 = 5 or !true}}'))).toBe(
      '((((1 + (2 * 3)) > 4) and (5 = 5)) or (!true))',
    );
  });

  it('maps every spelling of an operator to one', () => {
    expect(show(parse('{{a == b && c !== d || e}}'))).toBe('(((? = ?) and (? != ?)) or ?)');
  });

  it('accepts an empty argument as a missing value', () => {
    expect(show(parse('{{if(1.a; ; "x")}}'))).toBe('if(#1.a; ?; "x")');
  });

  it('reads the index of empty brackets as null', () => {
    expect(show(parse('{{3.`Image`[].url}}'))).toBe('#3.Image[].url');
  });

  it('keeps positions as offsets into the whole template', () => {
    const node = parse('abc {{ 1.x + 2 }}');
    expect(node.type).toBe('binary');
    expect(node.pos).toBe(11);
  });

  it('lets "}}" inside a quoted text stay text', () => {
    const source = '{{"a}}b"}} tail';
    const { next } = lexSegment(source, 2, 0);
    expect(source.slice(next)).toBe(' tail');
  });
});
