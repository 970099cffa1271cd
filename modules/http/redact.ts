/**
 * Secrets never appear in what makesim writes (messages, execution records, logs, the run page):
 * the values of secret-like query parameters and the credentials of configured connections are
 * replaced by REDACTED. The list of parameter names is documented in docs/serve.md ("Secrets").
 */
import type { HttpConnection, HttpPort } from '../../engine/ports/http.ts';
import { redactorFor } from './redactor.ts';

export const REDACTED = '[redacted]';

/** Query parameter names whose value is a secret (compared lower-case, `-` read as `_`). */
export const SECRET_PARAMETER_NAMES: readonly string[] = [
  'api_key',
  'apikey',
  'key',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'auth',
  'authorization',
  'password',
  'passwd',
  'pwd',
  'secret',
  'client_secret',
  'signature',
  'sig',
];

/** …and any name ending in one of these (`private_key`, `session_token`, `x_amz_signature`). */
const SECRET_SUFFIXES = ['_key', '_token', '_secret', '_password', '_signature', '_credential'];

export function isSecretParameter(name: string): boolean {
  const normal = name.toLowerCase().replaceAll('-', '_');
  return SECRET_PARAMETER_NAMES.includes(normal) || SECRET_SUFFIXES.some((end) => normal.endsWith(end));
}

/** `name=value` after `?`, `&` or `;`, up to the next separator, quote, space or `#`. */
const QUERY_PAIR = /([?&;])([^=&;#\s"'<>?]+)=([^&;#\s"'<>]*)/g;

/** The text with secret query values and the given secret values replaced by REDACTED. */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(QUERY_PAIR, (whole, separator: string, name: string, value: string) =>
    value !== '' && isSecretParameter(safeDecode(name)) ? `${separator}${name}=${REDACTED}` : whole,
  );
  for (const secret of secrets) {
    // Short values ("a", "1") would blank out ordinary text; real credentials are longer.
    if (secret.length >= 4) out = out.replaceAll(secret, REDACTED);
  }
  return out;
}

/** A copy of a JSON value with every secret redacted (the run page and the API's records). */
export function redactValue<T>(value: T, secrets: readonly string[] = []): T {
  return redactorFor(secrets).value(value);
}

/** Every credential of every configured connection (and its Basic-auth header form). */
export function connectionSecrets(http: Pick<HttpPort, 'connections'>): string[] {
  const out: string[] = [];
  for (const connection of Object.values(http.connections ?? {})) out.push(...secretsOf(connection));
  return out;
}

function secretsOf(connection: HttpConnection): string[] {
  const values = [connection.password, connection.apiKey, connection.accessToken].filter(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  if (connection.password)
    values.push(Buffer.from(`${connection.username ?? ''}:${connection.password}`).toString('base64'));
  return values;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
