/**
 * HTTP status → Make error type when "Evaluate all states as errors" is on
 * (https://apps.make.com/http and the https://help.make.com/types-of-errors table,
 * https://help.make.com/types-of-errors). The one place this mapping lives; recorded in docs/fidelity.md.
 * Make does not publish the HTTP app's own mapping, so the Help Center's generic rules are used:
 *  - 401/403 → AccountValidationError ("auth fails (also HTTP 401/403)")
 *  - 400/404 → BundleValidationError ("input bundle fails … (also HTTP 400/404)")
 *  - 429 → RateLimitError; 502/503/504 → ConnectionError
 *  - other 5xx → ConnectionError (custom-app guidance: 500 → ConnectionError)
 *  - any other status ≥ 400 → RuntimeError ("anything else")
 */
import type { MakeErrorType } from '../../engine/errors/make-error.ts';

const BY_STATUS: Readonly<Record<number, MakeErrorType>> = {
  400: 'BundleValidationError',
  401: 'AccountValidationError',
  403: 'AccountValidationError',
  404: 'BundleValidationError',
  429: 'RateLimitError',
  502: 'ConnectionError',
  503: 'ConnectionError',
  504: 'ConnectionError',
};

/** Error type for a failing status, or undefined for 1xx–3xx (not errors). */
export function errorTypeForStatus(status: number): MakeErrorType | undefined {
  if (status < 400) return undefined;
  const exact = BY_STATUS[status];
  if (exact) return exact;
  return status >= 500 ? 'ConnectionError' : 'RuntimeError';
}
