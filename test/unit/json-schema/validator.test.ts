import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import '../../../config/load-config.ts';
import '../../../cost/scheduling-schema.ts';
import { definedSchemas, schemaValidator } from '../../../engine/json-schema/validator.ts';
import '../../../engine/blueprint/schema.ts';
import '../../../modules/datastore/structure-spec.ts';
import '../../../test-runner/schema.ts';

describe('schema validators compiled on first use', () => {
  it('every schema of the program is valid JSON Schema (checked here, not at each start)', () => {
    expect(definedSchemas.length).toBeGreaterThanOrEqual(5);
    for (const { schema, options } of definedSchemas) {
      const ajv = new Ajv({ ...options, validateSchema: true });
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    }
  });

  it('validates like ajv and exposes the errors of the last call', () => {
    const validate = schemaValidator<{ n: number }>({
      type: 'object',
      required: ['n'],
      properties: { n: { type: 'number', minimum: 1 } },
    });
    expect(validate({ n: 2 })).toBe(true);
    expect(validate.errors).toBeNull();
    expect(validate({ n: 0 })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/n', keyword: 'minimum' });
  });

  it('reports a broken schema when first used', () => {
    const validate = schemaValidator({ type: 'no-such-type' });
    expect(() => validate({})).toThrow(/type/);
  });
});
