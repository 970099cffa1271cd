/**
 * The required fields of the SDK's response types, read from its published `.d.ts` (TypeScript 7
 * has no compiler API to ask): `type Name = { field: T; optional?: T; nested: { … } }`. A field
 * typed as another object type of the file, or an array of one, is followed into that type.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const dts = readFileSync(join(dirname(require.resolve('@makehq/sdk')), 'index.d.ts'), 'utf8');
const lines = dts.split('\n');

interface Field {
  name: string;
  optional: boolean;
  /** Lines of an inline object type, or the name of a type of the file (`X` or `X[]`). */
  inline?: Shape;
  inlineArray?: boolean;
  ref?: { type: string; array: boolean };
}
type Shape = Field[];

const shapes = new Map<string, Shape | undefined>();

/** The object type `name` of the SDK, or undefined when it is not an object literal type. */
export function shapeOf(name: string): Shape | undefined {
  if (!shapes.has(name)) {
    const start = lines.indexOf(`type ${name} = {`);
    shapes.set(name, start < 0 ? undefined : readShape(start + 1).shape);
  }
  return shapes.get(name);
}

function readShape(from: number): { shape: Shape; end: number } {
  const shape: Shape = [];
  let i = from;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (/^\s*}(\[\]|>)?[;,]?\s*$/.test(line)) return { shape, end: i };
    const match = /^\s*(\w+)(\?)?:\s*(.*)$/.exec(line);
    if (match) {
      const [, name = '', optional, rest = ''] = match;
      const field: Field = { name, optional: optional === '?' };
      if (rest.trim().endsWith('{')) {
        const inner = readShape(i + 1);
        field.inline = inner.shape;
        field.inlineArray = rest.trim().startsWith('Array<') || (lines[inner.end] ?? '').includes('}[]');
        i = inner.end;
      } else {
        const ref = /^([A-Z]\w*)(\[\])?;$/.exec(rest.trim());
        if (ref?.[1]) field.ref = { type: ref[1], array: ref[2] === '[]' };
      }
      shape.push(field);
    }
    i++;
  }
  return { shape, end: i };
}

/** JSON pointers of the required fields `value` lacks (null counts as present: Make sends null). */
export function missingRequired(typeName: string, value: unknown, path = '', depth = 0): string[] {
  const shape = shapeOf(typeName);
  if (!shape) throw new Error(`The SDK has no object type ${typeName}`);
  return missingIn(shape, value, path, depth);
}

function missingIn(shape: Shape, value: unknown, path: string, depth: number): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return [`${path || '/'} (not an object)`];
  const record = value as Record<string, unknown>;
  const out: string[] = [];
  for (const field of shape) {
    const here = `${path}/${field.name}`;
    const present = field.name in record;
    if (!present) {
      if (!field.optional) out.push(here);
      continue;
    }
    const item = record[field.name];
    if (item === null || depth > 4) continue;
    out.push(...missingInField(field, item, here, depth));
  }
  return out;
}

/** What a present field's value lacks: an inline object (or array of them) or a named type. */
function missingInField(field: Field, item: unknown, here: string, depth: number): string[] {
  const array = field.inline ? field.inlineArray : field.ref?.array;
  const items = array ? (Array.isArray(item) ? item : []) : [item];
  const at = (index: number) => (array ? `${here}/${index}` : here);
  if (field.inline)
    return items.flatMap((one, index) => missingIn(field.inline ?? [], one, at(index), depth + 1));
  const type = field.ref?.type;
  if (!type || !shapeOf(type)) return [];
  return items.flatMap((one, index) => missingRequired(type, one, at(index), depth + 1));
}
