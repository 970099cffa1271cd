/**
 * The v3 module's body (https://apps.make.com/http "Body type"): `raw` with a content type
 * (`custom` + `customContentType`), `x_www_form_urlencoded` from `formFields [{key, value}]`,
 * `multipart_form_data` from `formDataFields [{fieldType: text|file, key, value | data, fileName}]`.
 */
import type { FormData } from 'undici';
import { dataError } from '../../engine/errors/make-error.ts';
import { undici } from '../lazy-libraries.ts';
import { hasHeader, pairs, type RequestBody, text } from './outgoing-request.ts';

export interface BuiltBody {
  body: RequestBody;
  /** Content type to send unless the user set a Content-Type header. */
  contentType: string | undefined;
}

export function buildBody(input: Record<string, unknown>): BuiltBody {
  const bodyType = text(input.bodyType);
  if (bodyType === 'x_www_form_urlencoded') {
    const form = new URLSearchParams(pairs(input.formFields, 'key'));
    return { body: form.toString(), contentType: 'application/x-www-form-urlencoded' };
  }
  if (bodyType === 'multipart_form_data')
    return { body: multipart(input.formDataFields), contentType: undefined };
  if (bodyType !== '' && bodyType !== 'raw') {
    throw dataError(`Body type "${bodyType}" is not raw, x_www_form_urlencoded or multipart_form_data.`, {
      field: 'bodyType',
    });
  }
  return raw(input);
}

function raw(input: Record<string, unknown>): BuiltBody {
  const data = input.data;
  const body =
    data === undefined || data === null || data === ''
      ? undefined
      : Buffer.isBuffer(data)
        ? data
        : text(data);
  const chosen = text(input.contentType);
  const contentType = chosen === 'custom' ? text(input.customContentType) || undefined : chosen || undefined;
  return { body, contentType: body === undefined ? undefined : contentType };
}

function multipart(fields: unknown): FormData {
  const form = new (undici().FormData)();
  if (!Array.isArray(fields)) return form;
  fields.forEach((row, index) => {
    if (!row || typeof row !== 'object') return;
    const field = row as Record<string, unknown>;
    const key = text(field.key);
    if (key === '') throw dataError(`Multipart field ${index + 1} has no key.`, { field: 'formDataFields' });
    if (text(field.fieldType) !== 'file') {
      form.append(key, text(field.value));
      return;
    }
    const data = field.data ?? field.value;
    const bytes = Buffer.isBuffer(data) ? data : Buffer.from(text(data), 'utf8');
    form.append(key, new Blob([new Uint8Array(bytes)]), text(field.fileName) || 'file');
  });
  return form;
}

/** Adds the body's content type unless the user's headers already carry one. */
export function withContentType(headers: Array<[string, string]>, built: BuiltBody): Array<[string, string]> {
  if (!built.contentType || hasHeader(headers, 'content-type')) return headers;
  return [...headers, ['content-type', built.contentType]];
}
