/**
 * The API's schema compiler (ajv): path and query parameters arrive as text, so they are coerced
 * (`?pg[limit]=5` is the number 5, a lone `?id[]=3` the list [3]); a JSON body already carries its
 * types, so it is checked as sent — `"5"` is not an integer, `"true"` not a boolean. A route that
 * needs a body and gets none (or `null`) is told to send a JSON object, as before schemas checked
 * bodies (server/api/params.ts).
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

type Validator = ReturnType<FastifySchemaCompiler<AnySchema>>;

export function apiSchemaCompiler(): FastifySchemaCompiler<AnySchema> {
  let coercing: Ajv | undefined;
  let typed: Ajv | undefined;
  return ({ schema, httpPart }) => {
    if (httpPart !== 'body') {
      coercing ??= new Ajv({ ...COMMON, coerceTypes: 'array' });
      return coercing.compile(schema);
    }
    typed ??= new Ajv({ ...COMMON, coerceTypes: false });
    return bodyCheck(typed.compile(schema), acceptsNull(schema));
  };
}

/**
 * No body reaches the validator as `null` (Fastify's validation.js): refused with its own message. A
 * body's problems go back as `{error: [...]}`, which Fastify hands to the error handler (routes.ts).
 */
function bodyCheck(validate: ValidateFunction, nullable: boolean): Validator {
  return (data: unknown) => {
    if (data === null && !nullable)
      return { error: new ApiError(400, 'The request body must be a JSON object.') };
    return validate(data) || { error: validate.errors ?? [] };
  };
}

function acceptsNull(schema: AnySchema): boolean {
  if (typeof schema !== 'object' || !('type' in schema)) return true;
  const { type } = schema;
  return Array.isArray(type) ? type.includes('null') : type === 'null';
}
