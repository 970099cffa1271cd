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
    const start = lines.findIndex((line) => line === `type ${name} = {`);
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
    if (field.inline && field.inlineArray) {
      const items = Array.isArray(item) ? item : [];
      items.forEach((one, index) =>
        out.push(...missingIn(field.inline ?? [], one, `${here}/${index}`, depth + 1)),
      );
    } else if (field.inline) out.push(...missingIn(field.inline, item, here, depth + 1));
    else if (field.ref && shapeOf(field.ref.type)) {
      const items = field.ref.array ? (Array.isArray(item) ? item : []) : [item];
      items.forEach((one, index) =>
        out.push(
          ...missingRequired(
            field.ref?.type ?? '',
            one,
            field.ref?.array ? `${here}/${index}` : here,
            depth + 1,
          ),
        ),
      );
    }
  }
  return out;
}
