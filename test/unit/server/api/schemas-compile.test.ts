/**
 * The API compiles each route schema on the route's first request (server/api/validators.ts), so a
 * schema ajv refuses would only fail when a client first calls that route. Here every exported
 * route schema is compiled up front, each part with its own ajv (coercing or not), and run once.
 */
import type { AnySchema } from 'ajv';
import { describe, expect, it } from 'vitest';
import * as dataStoreSchemas from '../../../../server/api/data-store-schemas.ts';
import * as dlqSchemas from '../../../../server/api/dlq-schemas.ts';
import * as hookSchemas from '../../../../server/api/hook-schemas.ts';
import * as routeSchemas from '../../../../server/api/route-schemas.ts';
import * as scenarioSchemas from '../../../../server/api/scenario-schemas.ts';
import { apiSchemaCompiler } from '../../../../server/api/validators.ts';

const PARTS = { params: 'params', querystring: 'querystring', body: 'body' } as const;

function routeSchemasOf(module: Record<string, unknown>): Array<[string, string, AnySchema]> {
  return Object.entries(module).flatMap(([name, value]) =>
    value && typeof value === 'object'
      ? Object.entries(PARTS).flatMap(([key, part]) => {
          const schema = (value as Record<string, unknown>)[key];
          return schema && typeof schema === 'object'
            ? [[name, part, schema as AnySchema] as [string, string, AnySchema]]
            : [];
        })
      : [],
  );
}

const all = [dataStoreSchemas, dlqSchemas, hookSchemas, routeSchemas, scenarioSchemas].flatMap(
  routeSchemasOf,
);

describe('API route schemas', () => {
  it('finds the route schemas of every schema module', () => {
    expect(all.length).toBeGreaterThan(30);
  });

  it.each(all)('%s (%s) compiles and checks a request', (_name, httpPart, schema) => {
    const validate = apiSchemaCompiler()({ schema, httpPart, method: 'POST', url: '/' });
    expect(() => validate({})).not.toThrow();
  });

  it('refuses a schema ajv does not know, so a typo cannot slip through', () => {
    const validate = apiSchemaCompiler()({
      schema: { type: 'object', propertes: {} },
      httpPart: 'body',
      method: 'POST',
      url: '/',
    });
    expect(() => validate({})).toThrow(/propertes/);
  });
});
