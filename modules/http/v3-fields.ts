/**
 * Field documentation shared by the v3 HTTP modules (metadata.expect of real exports,
 * https://apps.make.com/http).
 */
import type { FieldDoc } from '../../engine/registry/define-module.ts';

export const V3_PARAMETERS: readonly FieldDoc[] = [
  {
    name: 'handleErrors',
    type: 'boolean',
    default: false,
    description: 'Evaluate all states as errors (except 2xx and 3xx).',
  },
  {
    name: 'useNewZLibDeCompress',
    type: 'boolean',
    description: 'Accepted and ignored (decompression is always Node zlib).',
  },
];

export const V3_MAPPER: readonly FieldDoc[] = [
  { name: 'url', type: 'url', required: true, description: 'Request URL.' },
  {
    name: 'serializeUrl',
    type: 'boolean',
    default: false,
    description: 'URL-encode the URL (encodeURI) before sending.',
  },
  {
    name: 'method',
    type: 'select',
    required: true,
    description: 'get, head, post, put, patch, delete, options.',
  },
  { name: 'headers', type: 'array of {name, value}', description: 'Request headers, sent in order.' },
  {
    name: 'qs',
    type: 'array of {name, value}',
    description: 'Query string; repeated names become a[0]=…&a[1]=… unless useQuerystring.',
  },
  {
    name: 'useQuerystring',
    type: 'boolean',
    default: false,
    description: 'Send repeated query names as a=1&a=2.',
  },
  { name: 'bodyType', type: 'select', description: 'raw, x_www_form_urlencoded or multipart_form_data.' },
  {
    name: 'contentType',
    type: 'select',
    description: 'Raw body content type; custom uses customContentType.',
  },
  { name: 'customContentType', type: 'text', description: 'Content type when contentType is custom.' },
  { name: 'data', type: 'buffer', description: 'Raw request content.' },
  { name: 'formFields', type: 'array of {key, value}', description: 'URL-encoded form fields.' },
  {
    name: 'formDataFields',
    type: 'array of {fieldType, key, value | data, fileName}',
    description: 'Multipart fields; fieldType file sends data as a file.',
  },
  {
    name: 'parseResponse',
    type: 'boolean',
    default: false,
    description: 'Parse JSON and XML responses into data.',
  },
  {
    name: 'timeout',
    type: 'uinteger',
    default: 40,
    description: 'Seconds (1–300); on expiry ModuleTimeoutError.',
  },
  { name: 'followRedirect', type: 'boolean', default: true, description: 'Follow 3xx answers to GET/HEAD.' },
  {
    name: 'followAllRedirects',
    type: 'boolean',
    default: false,
    description: 'Follow 3xx answers to any method.',
  },
  { name: 'gzip', type: 'boolean', default: true, description: 'Request and decode compressed content.' },
  {
    name: 'rejectUnauthorized',
    type: 'boolean',
    default: true,
    description: 'Refuse unverified TLS certificates.',
  },
  { name: 'ca', type: 'cert', description: 'Extra trusted CA certificate (PEM).' },
  {
    name: 'shareCookies',
    type: 'boolean',
    default: false,
    description: 'Share cookies with other HTTP modules of the execution.',
  },
  { name: 'authUser', type: 'text', description: 'Inline basic-auth user name.' },
  { name: 'authPass', type: 'password', description: 'Inline basic-auth password.' },
  { name: 'useMtls', type: 'boolean', description: 'Accepted; mutual TLS is not modelled.' },
];

/** The fields of the HTTP modules' output bundle, for the linter (response.ts builds them). */
export const V3_OUTPUT_FIELDS = ['statusCode', 'headers', 'cookieHeaders', 'data'] as const;

export const V3_OUTPUT =
  '`{statusCode, headers: [{name, value}], cookieHeaders, data}`; data parsed from JSON/XML when parseResponse.';

export const V3_NOTES =
  'Output keys other than data are the common names (docs/fidelity.md). Default timeout 40 s (open question 5). ' +
  'Status → error type table in modules/http/status-errors.ts. Cookies are shared per host only (no path/expiry). ' +
  'mTLS is not modelled. XML parsing uses fast-xml-parser (attributes as @_name), which may differ from Make.';

/** The API-key and OAuth variants authenticate through their connection, so they have no inline basic-auth fields. */
export const V3_MAPPER_WITHOUT_INLINE_AUTH: readonly FieldDoc[] = V3_MAPPER.filter(
  (field) => field.name !== 'authUser' && field.name !== 'authPass',
);
