/**
 * The HTTP modules' output bundle (https://apps.make.com/http): `{statusCode, headers: [{name, value}],
 * cookieHeaders, data}`. Only `data` is confirmed by a stored export; the other keys are the
 * commonly used names (docs/fidelity.md, open question 5). With "Parse response", JSON and XML bodies become
 * structures; otherwise `data` is the body text (binary types stay a Buffer).
 * With "Evaluate all states as errors", a status ≥ 400 fails through status-errors.ts.
 */
import type { XMLParser } from 'fast-xml-parser';
import { parseJsonText } from '../../engine/errors/json-syntax.ts';
import { MakeError } from '../../engine/errors/make-error.ts';
import type { Bundle } from '../../engine/registry/define-module.ts';
import { fastXmlParser } from '../lazy-libraries.ts';
import { redactText } from './redact.ts';
import type { RawResponse } from './send-request.ts';
import { errorTypeForStatus } from './status-errors.ts';

const TEXT_TYPES =
  /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded|graphql))|\+json|\+xml/i;

export function isTextType(contentType: string): boolean {
  return contentType === '' || TEXT_TYPES.test(contentType.trim());
}

export function responseBundle(res: RawResponse, parse: boolean): Bundle {
  return {
    statusCode: res.statusCode,
    headers: res.headers,
    cookieHeaders: res.cookieHeaders,
    data: responseData(res, parse),
  };
}

export function responseData(res: RawResponse, parse: boolean): unknown {
  if (!isTextType(res.contentType)) return res.body;
  const body = res.body.toString('utf8');
  if (!parse || body.trim() === '') return body;
  if (/json/i.test(res.contentType)) return parseJson(body, res);
  if (/xml/i.test(res.contentType)) return xmlParser().parse(body) as unknown;
  return body;
}

function parseJson(body: string, res: RawResponse): unknown {
  const result = parseJsonText(body);
  if (result.ok) return result.value;
  throw new MakeError(
    'DataError',
    `Failed to parse the JSON response of ${res.url.host}: ${result.problem.message}.`,
    {
      code: 'invalid-response-json',
      statusCode: res.statusCode,
      line: result.problem.line,
      column: result.problem.column,
    },
  );
}

/** Attributes keep their names under `_attributes`-free keys prefixed `@_`; text beside children is `#text`. */
function xmlParser(): XMLParser {
  return new (fastXmlParser().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
  });
}

/** "Evaluate all states as errors (except for 2xx and 3xx)". */
export function assertStatus(res: RawResponse, bundle: Bundle): void {
  const type = errorTypeForStatus(res.statusCode);
  if (!type) return;
  const preview =
    typeof bundle.data === 'string'
      ? bundle.data.slice(0, 200)
      : JSON.stringify(bundle.data ?? '').slice(0, 200);
  const message = `[${res.statusCode}] ${preview || 'The server answered with an error status.'}`;
  throw new MakeError(type, redactText(message, res.secrets), {
    statusCode: res.statusCode,
    code: `http-${res.statusCode}`,
  });
}
