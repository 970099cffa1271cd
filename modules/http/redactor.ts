/**
 * THE redaction of whatever leaves a run for output or storage (execution records, `run --json`,
 * the server's history, the test JSON report, webhook logs; docs/serve.md "Secrets"): connection
 * credentials, and the values of secret-like query parameters, properties and headers (names as
 * in redact.ts) — where they are found and anywhere else the same value appears in that value (a
 * mapped variable, the trigger bundle). Built once per set of secrets: one precompiled pattern, and a value with no
 * secret in it is returned as it is, without a copy.
 */
import { isUtf8 } from 'node:buffer';
import { isSecretParameter, REDACTED } from './redact.ts';

/** Shorter values ("a", "1") would blank out ordinary text; real credentials are longer. */
const MIN_SECRET_LENGTH = 4;

const QUERY_PAIR_SOURCE = String.raw`([?&;])([^=&;#\s"'<>?]+)=([^&;#\s"'<>]*)`;

export interface Redactor {
  /** The value (any JSON-like data; Buffers holding UTF-8 text too) with every secret replaced. */
  value<T>(value: T): T;
  /**
   * `JSON.stringify(value(v))`, serialising once: when the JSON text shows nothing to redact (see
   * `clear`), it is the answer, without walking the value.
   */
  json(value: unknown): string;
  /**
   * True when these pieces of a value — its strings and JSON texts, and its raw bytes — show
   * nothing `value()` would replace, so the pieces may be stored as they are. False means "maybe":
   * then `value()` decides. Cheap (substring tests), so storage asks it before any walk.
   */
  clear(texts: readonly string[], bytes?: readonly Buffer[]): boolean;
}

/** A redactor for these credentials (connection secrets); secret query values are always found. */
export function createRedactor(secrets: readonly string[]): Redactor {
  const known = usable(secrets);
  const base = matcher(known, false);
  const clear = textCheck(known);
  const value = <T>(value: T): T => {
    const found = new Found();
    collectSecrets(value, found);
    const extra = [...found].filter((secret) => !known.includes(secret));
    // Every secret query pair was seen: with none and no credentials, nothing to replace.
    if (!found.pairs && extra.length === 0) return known.length === 0 ? value : (replaceIn(value, base) as T);
    return replaceIn(value, matcher([...known, ...extra], true)) as T;
  };
  return {
    value,
    clear,
    json(data: unknown): string {
      const text = JSON.stringify(data);
      if (clear([text])) return text;
      const redacted = value(data);
      return redacted === data ? text : JSON.stringify(redacted);
    },
  };
}

/**
 * Any secret `value()` finds is the value of a query pair with a secret-like name, a string under a
 * secret-like name, or the value of a `{name, value}` pair with such a name — and a string appears
 * verbatim in JSON text unless it holds a character JSON escapes (never a letter). Every
 * secret-like name (redact.ts) holds one of these word stems, so text with none of them (case
 * folded as `isSecretParameter` folds) and none of the credentials holds nothing to redact —
 * unless a query pair's name is percent-encoded (`%74oken=`), which only text with both `=` and
 * `%` can hold. (`charset=utf-8`, in nearly every logged answer, is then clear.) Credentials JSON
 * would escape, and Buffers (JSON shows their bytes as numbers, which a credential search cannot
 * see), leave the answer to `value()`. With `u`, case-insensitive
 * matching folds as toLowerCase does (the Kelvin sign matches `k`).
 */
const SECRET_NAME_STEMS = /key|auth|token|passw|pwd|secret|sig|credential/iu;

function textCheck(
  known: readonly string[],
): (texts: readonly string[], bytes?: readonly Buffer[]) => boolean {
  const plain = known.every((secret) => JSON.stringify(secret) === `"${secret}"`);
  return (texts, bytes = []) => {
    if (!plain) return false;
    for (const text of texts) {
      if ((text.includes('=') && text.includes('%')) || SECRET_NAME_STEMS.test(text)) return false;
      if (known.length === 0) continue;
      if (text.includes('"type":"Buffer"') || known.some((secret) => text.includes(secret))) return false;
    }
    return !bytes.some((buffer) => known.some((secret) => buffer.includes(secret)));
  };
}

/** Secret values found in a value, and whether it holds secret query pairs (even short ones). */
class Found extends Set<string> {
  pairs = false;
}

const cache = new WeakMap<readonly string[], Redactor>();

/** The redactor for this (long-lived) list of secrets, built once. */
export function redactorFor(secrets: readonly string[]): Redactor {
  let redactor = cache.get(secrets);
  if (!redactor) {
    redactor = createRedactor(secrets);
    cache.set(secrets, redactor);
  }
  return redactor;
}

interface Matcher {
  literals: readonly string[];
  /** Any literal secret. */
  literal: RegExp | undefined;
  /** Query pairs or any literal, in one pass; only when the value held secret query values. */
  pairs: RegExp | undefined;
}

function usable(secrets: readonly string[]): string[] {
  const long = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  // Longest first, so a secret containing another is replaced whole.
  return [...new Set(long)].sort((a, b) => b.length - a.length);
}

function matcher(secrets: readonly string[], withPairs: boolean): Matcher {
  const literals = usable(secrets);
  const alternatives = literals.map(escapeRegExp).join('|');
  return {
    literals,
    literal: literals.length > 0 ? new RegExp(alternatives, 'g') : undefined,
    pairs: withPairs
      ? new RegExp(`${QUERY_PAIR_SOURCE}${literals.length > 0 ? `|(${alternatives})` : ''}`, 'g')
      : undefined,
  };
}

function redactString(text: string, { literals, literal, pairs }: Matcher): string {
  if (pairs === undefined) {
    // The common case (credentials only): a substring test per secret before any regex work.
    if (literal === undefined || !literals.some((secret) => text.includes(secret))) return text;
    return text.replace(literal, REDACTED);
  }
  if (!text.includes('=') && !literals.some((secret) => text.includes(secret))) return text;
  return text.replace(pairs, (whole, separator?: string, name?: string, value?: string) => {
    if (separator === undefined || name === undefined) return REDACTED;
    if (value !== '' && isSecretParameter(safeDecode(name))) return `${separator}${name}=${REDACTED}`;
    return literal ? whole.replace(literal, REDACTED) : whole;
  });
}

/** A copy of the value with its strings redacted; unchanged branches are shared, not copied. */
function replaceIn(value: unknown, pattern: Matcher): unknown {
  if (typeof value === 'string') return redactString(value, pattern);
  if (Buffer.isBuffer(value)) return redactBytes(value, pattern);
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    value.forEach((item, index) => {
      const next = replaceIn(item, pattern);
      if (next === item) return;
      out ??= value.slice();
      out[index] = next;
    });
    return out ?? value;
  }
  if (value && typeof value === 'object') {
    let out: Record<string, unknown> | undefined;
    const record = value as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const item = record[key];
      const next = replaceIn(item, pattern);
      if (next === item) continue;
      out ??= { ...value };
      out[key] = next;
    }
    return out ?? value;
  }
  return value;
}

/** Binary bodies are kept as they are; text bodies are redacted as text. */
function redactBytes(bytes: Buffer, pattern: Matcher): Buffer {
  if (!isUtf8(bytes)) return bytes;
  const text = bytes.toString('utf8');
  const out = redactString(text, pattern);
  return out === text ? bytes : Buffer.from(out, 'utf8');
}

/**
 * Secret values anywhere in the value: of secret query parameters (URLs in inputs, request logs),
 * of secret-named properties (`api_key` of a webhook bundle, which holds the request's query) and
 * of secret-named `{name, value}` pairs (an `Authorization` header mapped in an HTTP module).
 */
function collectSecrets(value: unknown, found: Found): void {
  if (typeof value === 'string') {
    if (value.includes('=')) collectFromText(value, found);
  } else if (Buffer.isBuffer(value)) {
    // Request bodies are not URLs; their secrets are found through the request's URL.
  } else if (Array.isArray(value)) {
    for (const item of value) collectSecrets(item, found);
  } else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const pairName = record.name ?? record.key;
    if (typeof pairName === 'string' && typeof record.value === 'string' && isSecretName(pairName))
      addSecret(record.value, found);
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      const item = record[key];
      if (typeof item !== 'string') collectSecrets(item, found);
      else if (isSecretName(key)) addSecret(item, found);
      else if (item.includes('=')) collectFromText(item, found);
    }
  }
}

/**
 * A property or header name that holds a credential. `key` alone is not one here: it names data
 * store records and ordinary fields far more often than an API key.
 */
function isSecretName(name: string): boolean {
  let secret = secretNames.get(name);
  if (secret === undefined) {
    const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
    secret = snake.toLowerCase() !== 'key' && isSecretParameter(snake);
    // Records repeat a few property names; the cap keeps hostile ones from growing it.
    if (secretNames.size >= 10_000) secretNames.clear();
    secretNames.set(name, secret);
  }
  return secret;
}

const secretNames = new Map<string, boolean>();

function addSecret(value: string, found: Found): void {
  if (value.length < MIN_SECRET_LENGTH) return;
  found.add(value);
  // `Bearer abc…`, `Basic …`: the credential alone may appear elsewhere too.
  const scheme = /^[A-Za-z][\w-]*\s+(\S+)$/.exec(value);
  if (scheme?.[1] && scheme[1].length >= MIN_SECRET_LENGTH) found.add(scheme[1]);
}

function collectFromText(text: string, found: Found): void {
  for (const [, , name, raw] of text.matchAll(new RegExp(QUERY_PAIR_SOURCE, 'g'))) {
    if (!raw || !isSecretParameter(safeDecode(name ?? ''))) continue;
    found.pairs = true;
    addSecret(raw, found);
    // The same value decoded, as a webhook bundle or a mapped variable holds it.
    addSecret(safeDecode(raw), found);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}
