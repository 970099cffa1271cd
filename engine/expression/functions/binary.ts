/**
 * Binary functions: hashes, HMACs and encodings — `md5`, `sha1`, `sha256`, `sha512`, `base64`,
 * `toBinary`, `toString` (https://help.make.com/text-and-binary-functions,
 * FUSION string-functions for the encoding lists). Binary values are Node Buffers.
 */
import { createHash, createHmac } from 'node:crypto';
import { isBinary, toText } from '../coerce.ts';
import { argumentError, bytesOf, isMissing } from './text-args.ts';
import type { FunctionSpec } from './types.ts';

/**
 * "Supported encodings: hex (default), base64 or latin1" (https://help.make.com/text-and-binary-functions,
 * sha1/sha256/sha512).
 */
const DIGEST_ENCODINGS = ['hex', 'base64', 'latin1'] as const;
type DigestEncoding = (typeof DIGEST_ENCODINGS)[number];

/**
 * "Supported key encodings: text (default), hex, base64 or binary"
 * (https://help.make.com/text-and-binary-functions, sha512).
 */
const KEY_ENCODINGS = ['text', 'hex', 'base64', 'binary'] as const;

function digestEncoding(fn: string, value: unknown): DigestEncoding {
  if (isMissing(value)) return 'hex';
  const name = toText(value);
  const found = DIGEST_ENCODINGS.find((encoding) => encoding === name);
  if (found === undefined) {
    throw argumentError(
      fn,
      2,
      `"${name}" is not a supported encoding.`,
      `Use one of: ${DIGEST_ENCODINGS.join(', ')}.`,
    );
  }
  return found;
}

/**
 * The HMAC key's bytes per its key encoding; `binary` requires a buffer
 * (https://help.make.com/text-and-binary-functions, sha512).
 */
function keyBytes(fn: string, key: unknown, keyEncoding: unknown): Buffer {
  const encoding = isMissing(keyEncoding) ? 'text' : toText(keyEncoding);
  switch (encoding) {
    case 'text':
      return bytesOf(key);
    case 'hex':
    case 'base64':
      return isBinary(key) ? bytesOf(key) : Buffer.from(toText(key), encoding);
    case 'binary':
      if (isBinary(key)) return bytesOf(key);
      throw argumentError(
        fn,
        3,
        'with key encoding "binary" the key must be binary data, not text.',
        'Map a buffer (e.g. toBinary(…)) or use key encoding "text".',
      );
    default:
      throw argumentError(
        fn,
        4,
        `"${encoding}" is not a supported key encoding.`,
        `Use one of: ${KEY_ENCODINGS.join(', ')}.`,
      );
  }
}

/**
 * A hash function: `name(text; [encoding]; [key]; [keyEncoding])`. With a key it is an HMAC.
 * An empty key ('' or a missing reference) means "no key", i.e. a plain hash.
 */
function hashFn(name: string, algorithm: string, maxArgs: number): FunctionSpec {
  return {
    name,
    minArgs: 1,
    maxArgs,
    impl(args) {
      const encoding = digestEncoding(name, args[1]);
      const data = bytesOf(args[0]);
      const key = args[2];
      const hash = isMissing(key)
        ? createHash(algorithm)
        : createHmac(algorithm, keyBytes(name, key, args[3]));
      return hash.update(data).digest(encoding);
    },
  };
}

/** Node's encoding names (`hex`, `base64`, `latin1`, `utf8`, …), case-insensitively. */
function bufferEncoding(fn: string, position: number, value: unknown): BufferEncoding | undefined {
  if (isMissing(value)) return undefined;
  const name = toText(value).toLowerCase();
  if (Buffer.isEncoding(name)) return name;
  throw argumentError(
    fn,
    position,
    `"${toText(value)}" is not a known encoding.`,
    'Use hex, base64, utf8, latin1 or ascii.',
  );
}

/** `toBinary(value; [encoding])`: with hex/base64 the text is decoded, else its UTF-8 bytes. */
function toBinaryImpl(args: unknown[]): Buffer {
  const value = args[0];
  const encoding = bufferEncoding('toBinary', 2, args[1]);
  if (isBinary(value)) return Buffer.from(bytesOf(value));
  return Buffer.from(toText(value), encoding ?? 'utf8');
}

/**
 * `toString(value)`: any value → text (https://help.make.com/type-coercion); buffers are decoded as UTF-8.
 * The optional second argument (an encoding such as hex or base64 for buffers) is our extension; Make
 * documents one.
 */
function toStringImpl(args: unknown[]): string {
  const value = args[0];
  const encoding = bufferEncoding('toString', 2, args[1]);
  if (isBinary(value)) return bytesOf(value).toString(encoding ?? 'utf8');
  return toText(value);
}

export const binaryFunctions: FunctionSpec[] = [
  hashFn('md5', 'md5', 1),
  hashFn('sha1', 'sha1', 4),
  hashFn('sha256', 'sha256', 4),
  hashFn('sha512', 'sha512', 4),
  { name: 'base64', minArgs: 1, maxArgs: 1, impl: (args) => bytesOf(args[0]).toString('base64') },
  { name: 'toBinary', minArgs: 1, maxArgs: 2, impl: toBinaryImpl },
  { name: 'toString', minArgs: 1, maxArgs: 2, impl: toStringImpl },
];
