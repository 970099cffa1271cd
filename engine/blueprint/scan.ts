/**
 * Finds, for every template string of a blueprint value, the module ids it reads and the
 * functions it calls — with the string's own JSON pointer, so reference warnings can name the
 * exact field (`/flow/3/mapper/url`). Syntax errors are left to compileValue, which reports them.
 */
import type { Node } from '../expression/ast.ts';
import { lexSegment } from '../expression/lexer.ts';
import { parseSegment } from '../expression/parser.ts';
import { isRecord } from './settings.ts';

export interface TemplateUse {
  readonly pointer: string;
  readonly references: readonly number[];
  readonly functions: readonly string[];
}

export function scanValue(raw: unknown, pointer: string, out: TemplateUse[]): void {
  if (typeof raw === 'string') {
    if (raw.includes('{{')) out.push(scanTemplate(raw, pointer));
  } else if (Array.isArray(raw)) {
    raw.forEach((item, i) => {
      scanValue(item, `${pointer}/${i}`, out);
    });
  } else if (isRecord(raw)) {
    for (const key of Object.keys(raw)) scanValue(raw[key], `${pointer}/${escapePointer(key)}`, out);
  }
}

export function scanTemplate(source: string, pointer: string): TemplateUse {
  const references = new Set<number>();
  const functions = new Set<string>();
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open < 0) break;
    try {
      const { tokens, next } = lexSegment(source, open + 2, open);
      collect(parseSegment(tokens, source), references, functions);
      i = next;
    } catch {
      break;
    }
  }
  return { pointer, references: [...references], functions: [...functions] };
}

function collect(node: Node, references: Set<number>, functions: Set<string>): void {
  const stack: Node[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    switch (current.type) {
      case 'module':
        references.add(current.id);
        break;
      case 'call':
        functions.add(current.name);
        stack.push(...current.args);
        break;
      case 'member':
        stack.push(current.object);
        break;
      case 'index':
        stack.push(current.object);
        if (current.index) stack.push(current.index);
        break;
      case 'unary':
        stack.push(current.operand);
        break;
      case 'binary':
        stack.push(current.left, current.right);
        break;
      default:
        break;
    }
  }
}

export function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
