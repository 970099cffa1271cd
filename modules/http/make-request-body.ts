/**
 * The v4 "Make a request" body (https://apps.make.com/http v4; corpus metadata.expect): contentType `json`
 * (inputMethod `jsonString` → jsonStringBodyContent, `dataStructure` → the structure's fields),
 * `urlEncoded` (urlEncodedBodyContent [{name, value}]), `multipart`, `custom`.
 * Only json/jsonString and urlEncoded are confirmed by exports; the field names for the
 * data-structure, multipart and custom bodies are our best guess (listed in docs/fidelity.md).
 */

import type { FormData } from 'undici';
import { parseJsonText } from '../../engine/errors/json-syntax.ts';
import { dataError } from '../../engine/errors/make-error.ts';
import { undici } from '../lazy-libraries.ts';
import { pairs, text } from './outgoing-request.ts';
import type { BuiltBody } from './request-body.ts';

/** Guessed v4 field names (unconfirmed; one place to change them). */
export const V4_GUESSED_FIELDS = {
  dataStructure: 'dataStructureBodyContent',
  multipart: 'multipartBodyContent',
  customType: 'customContentType',
  customBody: 'customBodyContent',
} as const;

export function buildV4Body(input: Record<string, unknown>): BuiltBody {
  const contentType = text(input.contentType);
  if (contentType === '') return { body: undefined, contentType: undefined };
  if (contentType === 'json') return jsonBody(input);
  if (contentType === 'urlEncoded') {
    const form = new URLSearchParams(pairs(input.urlEncodedBodyContent));
    return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  if (contentType === 'multipart')
    return { body: multipart(input[V4_GUESSED_FIELDS.multipart]), contentType: undefined };
  if (contentType === 'custom') {
    const body = text(input[V4_GUESSED_FIELDS.customBody]);
    return {
      body: body === '' ? undefined : body,
      contentType: text(input[V4_GUESSED_FIELDS.customType]) || undefined,
    };
  }
  throw dataError(`Body content type "${contentType}" is not json, multipart, urlEncoded or custom.`, {
    field: 'contentType',
  });
}

function jsonBody(input: Record<string, unknown>): BuiltBody {
  if (text(input.inputMethod) === 'dataStructure') {
    const value = input[V4_GUESSED_FIELDS.dataStructure] ?? {};
    return { body: JSON.stringify(value), contentType: 'application/json' };
  }
  const body = text(input.jsonStringBodyContent);
  // Make validates the JSON string before sending; an invalid body is the user's data problem.
  const parsed = parseJsonText(body);
  if (body.trim() !== '' && !parsed.ok) {
    throw dataError(`Body content is not valid JSON: ${parsed.problem.message}.`, {
      field: 'jsonStringBodyContent',
      line: parsed.problem.line,
      column: parsed.problem.column,
    });
  }
  return { body: body === '' ? undefined : body, contentType: 'application/json' };
}

function multipart(rows: unknown): FormData {
  const form = new (undici().FormData)();
  if (!Array.isArray(rows)) return form;
  for (const row of rows) {
    if (!row || typeof row !== 'object') continue;
    const field = row as Record<string, unknown>;
    const name = text(field.name ?? field.key);
    if (name === '') continue;
    if (text(field.fieldType) === 'file') {
      const data = field.data ?? field.value;
      const bytes = Buffer.isBuffer(data) ? data : Buffer.from(text(data));
      form.append(name, new Blob([new Uint8Array(bytes)]), text(field.fileName) || 'file');
    } else {
      form.append(name, text(field.value));
    }
  }
  return form;
}
