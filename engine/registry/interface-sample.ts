/**
 * A sample bundle from a module's `metadata.interface` (Make's output field specs): used to show
 * the mock a user should write and to seed starter test files. Values are placeholders by type.
 */

interface FieldSpec {
  name?: unknown;
  type?: unknown;
  spec?: unknown;
}

export function sampleFromInterface(fields: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!Array.isArray(fields)) return out;
  for (const field of fields as FieldSpec[]) {
    if (!field || typeof field.name !== 'string') continue;
    Object.defineProperty(out, field.name, {
      value: sampleValue(field),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

function sampleValue(field: FieldSpec): unknown {
  switch (field.type) {
    case 'number':
    case 'uinteger':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'date':
      return '2025-01-01T00:00:00.000Z';
    case 'collection':
      return sampleFromInterface(field.spec);
    case 'array':
      return sampleArray(field.spec);
    default:
      return '';
  }
}

function sampleArray(spec: unknown): unknown[] {
  if (Array.isArray(spec)) return [sampleFromInterface(spec)];
  if (spec && typeof spec === 'object') {
    const inner = spec as FieldSpec;
    return inner.type === 'collection' ? [sampleFromInterface(inner.spec)] : [sampleValue(inner)];
  }
  return [];
}

/** The raw module's `metadata.interface`, if the export carries one. */
export function interfaceOf(raw: Readonly<Record<string, unknown>>): unknown {
  const metadata = raw.metadata as { interface?: unknown } | undefined;
  return metadata?.interface;
}
