/**
 * What a webhook log serialises when it is written: the parsed items as JSON (binary values as
 * their size), chosen by the request's content type read off Node's raw header list.
 */

export function contentTypeOf(rawHeaders: string[]): string {
  for (let i = 0; i < rawHeaders.length; i += 2)
    if (rawHeaders[i]?.toLowerCase() === 'content-type') return rawHeaders[i + 1] ?? '';
  return '';
}

/**
 * Binary values (multipart files, email attachments) are logged as their size: the bytes are in
 * the request body already, and Buffer's own JSON (an array of numbers) would be several times
 * larger. A JSON or form body parses to no binary value, and JSON.stringify is several times faster
 * without a replacer, so the common case goes without.
 */
export function stringifyBundle(bundle: unknown, contentType: string): string {
  if (/json|x-www-form-urlencoded/i.test(contentType)) return JSON.stringify(bundle);
  return JSON.stringify(bundle, function binaryAsSize(this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return Buffer.isBuffer(raw) ? { type: 'Buffer', byteLength: raw.length } : value;
  });
}
