/** "Request compressed content" (https://apps.make.com/http): gzip, deflate and brotli bodies are decoded. */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { MakeError } from '../../engine/errors/make-error.ts';

export function decodeBody(bytes: Buffer, encoding: string): Buffer {
  const kind = encoding.trim().toLowerCase();
  if (bytes.length === 0 || kind === '' || kind === 'identity') return bytes;
  try {
    if (kind === 'gzip' || kind === 'x-gzip') return gunzipSync(bytes);
    if (kind === 'br') return brotliDecompressSync(bytes);
    if (kind === 'deflate') return inflateDeflate(bytes);
  } catch (error) {
    throw new MakeError(
      'DataError',
      `The response says it is ${kind}-encoded but could not be decoded: ${String(error)}.`,
      {
        code: 'bad-encoding',
      },
    );
  }
  return bytes;
}

/** Servers send "deflate" both zlib-wrapped (per RFC) and raw. */
function inflateDeflate(bytes: Buffer): Buffer {
  try {
    return inflateSync(bytes);
  } catch {
    return inflateRawSync(bytes);
  }
}
