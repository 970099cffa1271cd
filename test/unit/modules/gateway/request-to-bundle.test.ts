import { describe, expect, it } from 'vitest';
import type { MakeError } from '../../../../engine/errors/make-error.ts';
import {
  type HookOptions,
  requestToBundle,
  type WebhookRequest,
} from '../../../../modules/gateway/request-to-bundle.ts';

const json = { 'content-type': 'application/json' };
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const boundary = 'XyZ';
const multipartBody = [
  `--${boundary}`,
  'Content-Disposition: form-data; name="title"',
  '',
  'Hello',
  `--${boundary}`,
  'Content-Disposition: form-data; name="tag"',
  '',
  'a',
  `--${boundary}`,
  'Content-Disposition: form-data; name="tag"',
  '',
  'b',
  `--${boundary}`,
  'Content-Disposition: form-data; name="doc"; filename="n.txt"',
  'Content-Type: text/plain',
  '',
  'file body',
  `--${boundary}--`,
  '',
].join('\r\n');

/** Make's help: https://help.make.com/webhooks, one row per documented behaviour. */
const cases: Array<[string, WebhookRequest, HookOptions, Record<string, unknown>]> = [
  ['query string values are strings', { method: 'GET', query: '?a=1&b=x' }, {}, { a: '1', b: 'x' }],
  [
    'urlencoded fields become keys',
    { method: 'POST', headers: form, body: 'name=Ann&job=dev' },
    {},
    { name: 'Ann', job: 'dev' },
  ],
  [
    'repeated form names become an array in order',
    { method: 'POST', headers: form, body: 'box=a&box=b' },
    {},
    { box: ['a', 'b'] },
  ],
  [
    'multipart text parts become keys, repeated names arrays, files {name, mime, data}',
    {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Buffer.from(multipartBody),
    },
    {},
    {
      title: 'Hello',
      tag: ['a', 'b'],
      doc: { name: 'n.txt', mime: 'text/plain', data: Buffer.from('file body') },
    },
  ],
  [
    'a JSON object’s properties become top-level keys, nesting kept',
    { method: 'POST', headers: json, body: '{"name":"Integrobot","tags":["a"],"o":{"x":1}}' },
    {},
    { name: 'Integrobot', tags: ['a'], o: { x: 1 } },
  ],
  [
    'text/plain arrives as value',
    { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'probe=m3' },
    {},
    { value: 'probe=m3' },
  ],
  ['a body without a content type arrives as value', { method: 'POST', body: 'raw' }, {}, { value: 'raw' }],
  [
    'query and body merge, the query winning a clash',
    { method: 'POST', headers: json, query: 'a=fromQuery&q=1', body: '{"a":"fromBody","b":2}' },
    {},
    { a: 'fromQuery', b: 2, q: '1' },
  ],
  [
    'JSON pass-through keeps the body text as value',
    { method: 'POST', headers: json, body: '{"a":1}' },
    { stringify: true },
    { value: '{"a":1}' },
  ],
  [
    'headers option adds __IMTHEADERS__ as lower-case name/value pairs',
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Make-ApiKey': 'k' },
      body: '{"n":1}',
    },
    { headers: true },
    {
      n: 1,
      __IMTHEADERS__: [
        { name: 'content-type', value: 'application/json' },
        { name: 'x-make-apikey', value: 'k' },
      ],
    },
  ],
  [
    'method option adds __IMTMETHOD__',
    { method: 'post', headers: json, body: '{}' },
    { method: true },
    { __IMTMETHOD__: 'POST' },
  ],
  ['an empty body gives only the query', { method: 'GET', query: 'x=1', body: '' }, {}, { x: '1' }],
  [
    'a JSON array body is kept whole as value',
    { method: 'POST', headers: json, body: '[1,2]' },
    {},
    { value: [1, 2] },
  ],
];

describe('requestToBundle (https://help.make.com/webhooks)', () => {
  it.each(cases)('%s', (_name, request, hook, expected) => {
    expect(requestToBundle(request, hook)).toEqual(expected);
  });

  it('repeats a header sent twice', () => {
    const bundle = requestToBundle({ method: 'GET', headers: { 'x-a': ['1', '2'] } }, { headers: true });
    expect(bundle.__IMTHEADERS__).toEqual([
      { name: 'x-a', value: '1' },
      { name: 'x-a', value: '2' },
    ]);
  });

  it('fails with DataError and a position for a malformed JSON body', () => {
    let caught: unknown;
    try {
      requestToBundle({ method: 'POST', headers: json, body: '{"a":}' });
    } catch (error) {
      caught = error;
    }
    expect((caught as MakeError).type).toBe('DataError');
    expect((caught as MakeError).details).toMatchObject({ code: 'invalid-json-body', position: 5 });
  });

  it('never lets a field named __proto__ change the prototype', () => {
    const bundle = requestToBundle({ method: 'GET', query: '__proto__=x' });
    expect(Object.getPrototypeOf(bundle)).toBe(Object.prototype);
    expect(Object.keys(bundle)).toEqual(['__proto__']);
  });
});
