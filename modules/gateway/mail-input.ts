/**
 * The Custom mailhook's trigger input, in every form it arrives (https://help.make.com/webhooks): a raw RFC
 * 822 message (string or Buffer, or `{raw}`), the request the server queued from `POST /mailhook/<udid>`
 * (`message/rfc822` or `text/plain` → raw message; JSON → the bundle itself), or an object already
 * in bundle shape. Shared by the module and the server, which checks a request before queuing it.
 */
import { dataError } from '../../engine/errors/make-error.ts';
import type { Bundle } from '../../engine/registry/define-module.ts';
import { isRequestDescription } from './custom-webhook.ts';
import { emailToBundle } from './mail-to-bundle.ts';
import { headerPairs, parseJsonBody } from './request-to-bundle.ts';

/** One email → one bundle; `undefined` (no trigger input) → none. */
export async function mailInputToBundle(input: unknown): Promise<Bundle | undefined> {
  if (input === undefined || input === null) return undefined;
  if (typeof input === 'string' || Buffer.isBuffer(input)) return emailToBundle(input);
  if (isRequestDescription(input)) return requestToMailBundle(input);
  if (isRawWrapper(input)) return emailToBundle(input.raw);
  if (typeof input === 'object' && !Array.isArray(input)) return input as Bundle;
  throw dataError('The mailhook input must be a raw RFC 822 email, `{raw: "…"}` or a bundle object.', {
    code: 'not-an-email',
  });
}

function isRawWrapper(input: unknown): input is { raw: string | Buffer } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return false;
  const record = input as Record<string, unknown>;
  const raw = record.raw;
  return Object.keys(record).length === 1 && (typeof raw === 'string' || Buffer.isBuffer(raw));
}

function requestToMailBundle(request: {
  headers?: Parameters<typeof headerPairs>[0];
  body?: string | Buffer;
  contentType?: string;
}): Promise<Bundle> | Bundle {
  const contentType =
    request.contentType ?? headerPairs(request.headers).find((h) => h.name === 'content-type')?.value ?? '';
  const type = contentType.split(';', 1)[0]?.trim().toLowerCase() ?? '';
  const body = request.body ?? '';
  if (type === 'application/json' || type.endsWith('+json')) return jsonBundle(body);
  return emailToBundle(body);
}

/** A JSON body is the bundle itself, so it must be one object. */
function jsonBundle(body: string | Buffer): Bundle {
  const text = typeof body === 'string' ? body : body.toString('utf8');
  if (text.trim() === '')
    throw dataError('The mailhook received an empty JSON body; send one object in bundle shape.', {
      code: 'empty-email',
    });
  const value = parseJsonBody(text, 'mailhook');
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw dataError('The mailhook JSON body must be one object in bundle shape (from, to, subject, …).', {
      code: 'not-an-email',
    });
  return value as Bundle;
}
