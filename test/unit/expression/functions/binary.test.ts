/**
 * Hashes, HMACs and encodings. Digests of "Make" come from Make's help:
 * https://help.make.com/text-and-binary-functions; HMAC values are
 * the published test vectors (RFC 2202 case 2, RFC 4231 case 2: key "Jefe").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functions } from '../../../../engine/expression/functions/index.ts';
import { callerFor, dataErrorThrower, functionContext } from './helpers.ts';

const call = callerFor(functions, functionContext({ now: new Date('2026-01-01T00:00:00.000Z') }));
const dataErrorOf = dataErrorThrower(call);

const JEFE_DATA = 'what do ya want for nothing?';
const HMAC_SHA1_JEFE = 'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79';
const HMAC_SHA256_JEFE = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
const HMAC_SHA512_JEFE =
  '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737';
const SHA256_MAKE = 'ccdd25d4230fb997a7ee1166f8afabd157248eb812ea55ec7c3d1b7c8af7fa11';

describe('hashes', () => {
  it('computes the documented hex digests', () => {
    expect(call('md5', 'Make')).toBe('529a05ca6c1263aab080ec4f20754411');
    expect(call('md5', 'workfront')).toBe('1448bbbeaa7a9b8091d426999f1f666b');
    expect(call('sha1', 'Make')).toBe('a94431ee22f05f141107f9355ed3127d0f0c4d5a');
    expect(call('sha256', 'Make')).toBe(SHA256_MAKE);
    expect(call('sha512', 'workfront')).toBe(
      '789ae41b9456357e4f27c6a09956a767abbb8d80b206003ffdd1e94dbc687cd119b85e1e19db58bb44b234493af35fd431639c0345aadf2cf7ec26e9f4a7fb19',
    );
  });
  it('hashes a missing value as empty text', () => {
    expect(call('md5', undefined)).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });
  it('hashes the bytes of a buffer, not its text rendering', () => {
    expect(call('sha256', Buffer.from('Make'))).toBe(SHA256_MAKE);
    expect(call('md5', Buffer.from([0xff]))).not.toBe(call('md5', '\ufffd'));
  });
  it('encodes the digest as base64 or latin1 on request', () => {
    expect(call('sha256', 'Make', 'base64')).toBe(Buffer.from(SHA256_MAKE, 'hex').toString('base64'));
    const latin1 = call('sha256', 'Make', 'latin1');
    expect(Buffer.from(String(latin1), 'latin1').toString('hex')).toBe(SHA256_MAKE);
  });
  it('treats an empty encoding as hex', () => {
    expect(call('sha256', 'Make', '')).toBe(SHA256_MAKE);
  });
  it('rejects an unsupported digest encoding', () => {
    expect(dataErrorOf('sha256', 'Make', 'base32').details?.argument).toBe(2);
  });
});

describe('HMAC', () => {
  it('computes an HMAC when a key is given', () => {
    expect(call('sha1', JEFE_DATA, 'hex', 'Jefe')).toBe(HMAC_SHA1_JEFE);
    expect(call('sha256', JEFE_DATA, undefined, 'Jefe')).toBe(HMAC_SHA256_JEFE);
    expect(call('sha512', JEFE_DATA, 'hex', 'Jefe', 'text')).toBe(HMAC_SHA512_JEFE);
  });
  it('decodes the key with its key encoding', () => {
    expect(call('sha256', JEFE_DATA, 'hex', '4a656665', 'hex')).toBe(HMAC_SHA256_JEFE);
    expect(call('sha512', JEFE_DATA, 'hex', 'SmVmZQ==', 'base64')).toBe(HMAC_SHA512_JEFE);
    expect(call('sha256', JEFE_DATA, 'hex', Buffer.from('Jefe'), 'binary')).toBe(HMAC_SHA256_JEFE);
  });
  it('requires a buffer key for the binary key encoding', () => {
    expect(dataErrorOf('sha512', JEFE_DATA, 'hex', 'Jefe', 'binary').details?.argument).toBe(3);
  });
  it('rejects an unknown key encoding', () => {
    expect(dataErrorOf('sha256', JEFE_DATA, 'hex', 'Jefe', 'utf32').details?.argument).toBe(4);
  });
  it('falls back to a plain hash when the key is empty', () => {
    expect(call('sha256', 'Make', 'hex', '')).toBe(SHA256_MAKE);
  });
});

describe('base64 / toBinary / toString', () => {
  it('encodes text as Base64 with padding', () => {
    expect(call('base64', 'Make')).toBe('TWFrZQ==');
    expect(call('base64', 'workfront')).toBe('d29ya2Zyb250');
  });
  it('encodes UTF-8 text and buffers byte for byte', () => {
    expect(call('base64', 'ě')).toBe('xJs=');
    expect(call('base64', Buffer.from([0, 255]))).toBe('AP8=');
  });
  it('turns text into its UTF-8 bytes', () => {
    expect(call('toBinary', 'Make')).toEqual(Buffer.from([0x4d, 0x61, 0x6b, 0x65]));
  });
  it('decodes base64 and hex text when the encoding is given', () => {
    expect(call('toBinary', 'V29ya2Zyb250', 'base64')).toEqual(Buffer.from('Workfront'));
    expect(call('toBinary', '4d616b65', 'hex')).toEqual(Buffer.from('Make'));
  });
  it('renders non-text values as text before converting (https://help.make.com/type-coercion buffer expected)', () => {
    expect(call('toBinary', 42)).toEqual(Buffer.from('42'));
    expect(call('toBinary', new Date('2016-12-28T16:03:06.000Z'))).toEqual(
      Buffer.from('2016-12-28T16:03:06.000Z'),
    );
  });
  it('rejects an unknown encoding', () => {
    expect(dataErrorOf('toBinary', 'x', 'base99').details?.argument).toBe(2);
  });
  it('round-trips base64 through toString', () => {
    expect(call('toString', call('toBinary', 'TWFrZQ==', 'base64'))).toBe('Make');
  });
  it('renders any value as text', () => {
    expect(call('toString', 12)).toBe('12');
    expect(call('toString', false)).toBe('false');
    expect(call('toString', null)).toBe('');
    expect(call('toString', { a: 1 })).toBe('{"a":1}');
    expect(call('toString', new Date('2016-12-28T16:03:06.000Z'))).toBe('2016-12-28T16:03:06.000Z');
  });
  it('decodes a buffer with an optional encoding', () => {
    expect(call('toString', Buffer.from('Make'), 'hex')).toBe('4d616b65');
    expect(call('toString', Buffer.from('Make'), 'base64')).toBe('TWFrZQ==');
  });
  it('does not alias the input buffer', () => {
    const input = Buffer.from('abc');
    const output = call('toBinary', input) as Buffer;
    output[0] = 0x7a;
    expect(input.toString()).toBe('abc');
  });
});

describe('properties', () => {
  const anyText = fc.string({ unit: 'grapheme' });
  it('toString(toBinary(base64(text); "base64")) is the text', () => {
    fc.assert(
      fc.property(
        anyText,
        (text) => call('toString', call('toBinary', call('base64', text), 'base64')) === text,
      ),
    );
  });
  it('toBinary(toString(buffer; "hex"); "hex") gives the same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array(), (bytes) => {
        const buffer = Buffer.from(bytes);
        return (call('toBinary', call('toString', buffer, 'hex'), 'hex') as Buffer).equals(buffer);
      }),
    );
  });
  it('hex digests have the algorithm length in lower-case hex', () => {
    const sizes: Record<string, number> = { md5: 32, sha1: 40, sha256: 64, sha512: 128 };
    fc.assert(
      fc.property(anyText, fc.constantFrom('md5', 'sha1', 'sha256', 'sha512'), (text, fn) => {
        return new RegExp(`^[0-9a-f]{${sizes[fn]}}$`).test(String(call(fn, text)));
      }),
    );
  });
});
