/**
 * The API's schema compiler (ajv): path and query parameters arrive as text, so they are coerced
 * (`?pg[limit]=5` is the number 5, a lone `?id[]=3` the list [3]); a JSON body already carries its
 * types, so it is checked as sent — `"5"` is not an integer, `"true"` not a boolean. A route that
 * needs a body and gets none (or `null`) is told to send a JSON object. Each schema is compiled on
 * its route's first request, not when the server starts: `makesim serve` starts as fast as before the
 * API had a schema on every route.
 */
import { Ajv, type AnySchema, type ValidateFunction } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { ApiError } from './errors.ts';

const COMMON = {
  // Every problem at once, as Make's validation error lists them (route-schemas.ts).
  allErrors: true,
  useDefaults: true,
  removeAdditional: true,
  allowUnionTypes: true,
} as const;

export function apiSchemaCompiler(): FastifySchemaCompiler<AnySchema> {
  let coercing: Ajv | undefined;
  let typed: Ajv | undefined;
  const ajvFor = (body: boolean): Ajv => {
    if (body) {
      typed ??= new Ajv({ ...COMMON, coerceTypes: false });
      return typed;
    }
    coercing ??= new Ajv({ ...COMMON, coerceTypes: 'array' });
    return coercing;
  };
  return ({ schema, httpPart }) => {
    const body = httpPart === 'body';
    const needsBody = body && !acceptsNull(schema);
    let validate: ValidateFunction | undefined;
    // Fastify hands a missing body over as `null` (its validation.js). Coercion changes the query or
    // params object in place, so the root's parent is not needed.
    return (data: unknown) => {
      if (needsBody && data === null)
        return { error: new ApiError(400, 'The request body must be a JSON object.') };
      validate ??= ajvFor(body).compile(schema);
      return validate(data) || { error: validate.errors ?? [] };
    };
  };
}

function acceptsNull(schema: AnySchema): boolean {
  if (typeof schema !== 'object' || !('type' in schema)) return true;
  const { type } = schema;
  return Array.isArray(type) ? type.includes('null') : type === 'null';
}
