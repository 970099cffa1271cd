/**
 * Who may read the run page: it shows every execution with its bundles and the hook URLs, so it
 * needs the API token as the API does. A browser signs in once — with the one-time link printed in
 * the banner, or by typing the token into the sign-in page — and then carries an HttpOnly,
 * SameSite=Strict cookie derived from the token (it survives restarts, and a new token voids it).
 * Scripts may send `Authorization: Token …` instead.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { AllowedHosts } from './host-check.ts';

/** How long a printed sign-in link stays usable (it also works only once). */
export const LOGIN_CODE_TTL_MS = 24 * 60 * 60 * 1000;

export class InspectorAccess {
  readonly hosts = new AllowedHosts();
  private readonly codes = new Map<string, number>();

  constructor(
    private readonly token: () => string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The path of a fresh one-time sign-in link. */
  newLoginPath(): string {
    const code = randomBytes(18).toString('base64url');
    this.codes.set(code, this.now() + LOGIN_CODE_TTL_MS);
    return `/_inspector/login?code=${code}`;
  }

  /** Uses up a one-time code; true when it was valid. */
  redeem(code: string): boolean {
    const expires = this.codes.get(code);
    this.codes.delete(code);
    return expires !== undefined && expires > this.now();
  }

  tokenMatches(given: string): boolean {
    return same(given, this.token());
  }

  /** `Set-Cookie` value that signs this browser in. */
  sessionCookie(): string {
    return `${this.cookieName()}=${this.sessionValue()}; Path=/; HttpOnly; SameSite=Strict`;
  }

  isSignedIn(request: FastifyRequest): boolean {
    const header = /^(?:Token|Bearer)\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (header?.[1]) return this.tokenMatches(header[1]);
    const cookie = readCookie(request.headers.cookie, this.cookieName());
    return cookie !== undefined && same(cookie, this.sessionValue());
  }

  /** Named after the token, so two servers on one machine (cookies ignore ports) do not clash. */
  private cookieName(): string {
    return `makesim_${createHash('sha256').update(this.token()).digest('hex').slice(0, 8)}`;
  }

  private sessionValue(): string {
    return createHmac('sha256', this.token()).update('makesim run page session').digest('base64url');
  }
}

function same(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}
