/** "Request compressed content" (https://apps.make.com/http): gzip, deflate and brotli bodies are decoded. */
import { MakeError } from '../../engine/errors/make-error.ts';

/** node:zlib, loaded by the first compressed response rather than with the module registry. */
const zlib = () => process.getBuiltinModule('node:zlib');

export function decodeBody(bytes: Buffer, encoding: string): Buffer {
  const kind = encoding.trim().toLowerCase();
  if (bytes.length === 0 || kind === '' || kind === 'identity') return bytes;
  try {
    if (kind === 'gzip' || kind === 'x-gzip') return zlib().gunzipSync(bytes);
    if (kind === 'br') return zlib().brotliDecompressSync(bytes);
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
    return zlib().inflateSync(bytes);
  } catch {
    return zlib().inflateRawSync(bytes);
  }
}
