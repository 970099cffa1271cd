/**
 * The mapped `fields` of a Notion write as property name → stored value. Make keys them by
 * property id (URL-encoded, e.g. `"NUO%3F"`; the title property is `title`); the name and type come
 * from the module's exported `metadata.expect` (`fields` spec: `label`, `metadata.type`), else from
 * the seeded schema, else the key itself. What a write teaches about a property joins the schema.
 */
import type { FakeCall } from '../define-fake.ts';
import { type Schema, schemaOf, setSchema } from './database.ts';
import { inferType, storedValue } from './values.ts';

interface ExpectField {
  name?: unknown;
  label?: unknown;
  metadata?: { type?: unknown };
  spec?: Array<{ name?: unknown }>;
}

function expectedFields(raw: Readonly<Record<string, unknown>>): ExpectField[] {
  const expect = (raw.metadata as { expect?: unknown } | undefined)?.expect;
  if (!Array.isArray(expect)) return [];
  const fields = expect.find((e: { name?: unknown }) => e?.name === 'fields') as
    | { spec?: unknown }
    | undefined;
  return Array.isArray(fields?.spec) ? (fields.spec as ExpectField[]) : [];
}

function typeFromExpect(field: ExpectField): string | undefined {
  if (typeof field.metadata?.type === 'string') return field.metadata.type;
  // Make's date field is a collection of start/end/includeTime without a metadata type.
  return field.spec?.some((s) => s.name === 'start') ? 'date' : undefined;
}

function resolve(key: string, value: unknown, schema: Schema, expected: ExpectField[]) {
  const fromExpect = expected.find((f) => f.name === key);
  if (fromExpect && typeof fromExpect.label === 'string') {
    const type = typeFromExpect(fromExpect) ?? schema[fromExpect.label]?.type ?? inferType(value);
    return { name: fromExpect.label, id: key, type };
  }
  const seeded = Object.entries(schema).find(
    ([name, p]) => p.id === key || name === key || (key === 'title' && p.type === 'title'),
  );
  if (seeded) return { name: seeded[0], ...seeded[1] };
  const name = safeDecode(key);
  return { name, id: key, type: key === 'title' ? 'title' : inferType(value) };
}

function safeDecode(key: string): string {
  try {
    return decodeURIComponent(key);
  } catch {
    return key;
  }
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)
  );
}

/** Empty mapped fields are left out: Make does not send them, so an update keeps the old value. */
export function mappedValues(call: FakeCall, database: string): Record<string, unknown> {
  const fields = call.input.fields ?? {};
  if (typeof fields !== 'object' || Array.isArray(fields)) return {};
  const schema = schemaOf(call.state, database);
  const expected = expectedFields(call.raw);
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
    if (isEmpty(value)) continue;
    const { name, id, type } = resolve(key, value, schema, expected);
    schema[name] = { id, type };
    values[name] = storedValue(type, value);
  }
  setSchema(call.state, database, schema);
  return values;
}
