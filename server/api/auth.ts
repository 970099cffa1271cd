/**
 * API authentication (https://developers.make.com/api-documentation): `Authorization: Token <token>`;
 * `Bearer` is accepted too, as the SDK picks it for non-UUID tokens.
 */
import { timingSafeEqual } from 'node:crypto';
import { unauthorized } from './errors.ts';

export function checkToken(header: string | undefined, token: string): void {
  const match = /^(?:Token|Bearer)\s+(\S+)$/i.exec(header ?? '');
  const given = Buffer.from(match?.[1] ?? '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthorized();
}
