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
  /** `{{N.field…}}`: the first key read from each referenced module's bundle (nested paths check only it). */
  readonly fields: readonly FieldUse[];
}

export interface FieldUse {
  readonly id: number;
  readonly field: string;
}

export function scanValue(raw: unknown, pointer: string, out: TemplateUse[]): void {
  scanAt(raw, pointer, [], out);
}

/**
 * `path` holds the keys from `base` down to `raw`: a pointer string is built only for a template
 * found, not for every value walked (most are not templates; issue 15 §2 — loading's garbage).
 */
function scanAt(raw: unknown, base: string, path: Array<string | number>, out: TemplateUse[]): void {
  if (typeof raw === 'string') {
    if (raw.includes('{{')) out.push(scanTemplate(raw, pointerAt(base, path)));
  } else if (Array.isArray(raw)) {
    for (let i = 0; i < raw.length; i++) {
      path.push(i);
      scanAt(raw[i], base, path, out);
      path.pop();
    }
  } else if (isRecord(raw)) {
    for (const key of Object.keys(raw)) {
      path.push(key);
      scanAt(raw[key], base, path, out);
      path.pop();
    }
  }
}

function pointerAt(base: string, path: ReadonlyArray<string | number>): string {
  let pointer = base;
  for (const key of path) pointer += `/${typeof key === 'number' ? key : escapePointer(key)}`;
  return pointer;
}

export function scanTemplate(source: string, pointer: string): TemplateUse {
  const references = new Set<number>();
  const functions = new Set<string>();
  const fields = new Map<string, FieldUse>();
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open < 0) break;
    try {
      const { tokens, next } = lexSegment(source, open + 2, open);
      collect(parseSegment(tokens, source), { references, functions, fields });
      i = next;
    } catch {
      break;
    }
  }
  return { pointer, references: [...references], functions: [...functions], fields: [...fields.values()] };
}

interface Found {
  references: Set<number>;
  functions: Set<string>;
  fields: Map<string, FieldUse>;
}

/** Walks the tree with an explicit stack: a formula's depth is bounded, but never by our call stack. */
function collect(node: Node, found: Found): void {
  const stack: Node[] = [node];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    switch (current.type) {
      case 'module':
        found.references.add(current.id);
        break;
      case 'call':
        found.functions.add(current.name);
        for (const arg of current.args) stack.push(arg);
        break;
      case 'member':
        if (current.object.type === 'module') {
          const { id } = current.object;
          found.fields.set(`${id}.${current.key}`, { id, field: current.key });
        }
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
