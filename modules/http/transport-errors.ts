/**
 * Transport failures as Make error types (https://help.make.com/types-of-errors): no answer in time →
 * ModuleTimeoutError; DNS failure, refused or reset connection, TLS failure → ConnectionError.
 */
import { MakeError } from '../../engine/errors/make-error.ts';

export function timeoutError(url: URL, ms: number): MakeError {
  return new MakeError(
    'ModuleTimeoutError',
    `No response from ${url.host} within ${ms / 1000} s (the module's timeout).`,
    {
      code: 'timeout',
      timeoutMs: ms,
    },
  );
}

export function connectionError(url: URL, cause: unknown): MakeError {
  const code = errorCode(cause);
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new MakeError(
    'ConnectionError',
    `Could not connect to ${url.host}: ${reason}${code ? ` (${code})` : ''}.`,
    {
      code: code ?? 'connection-failed',
    },
  );
}

function errorCode(cause: unknown): string | undefined {
  let current: unknown = cause;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('UND_ERR_')) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
