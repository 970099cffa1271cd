import { describe, expect, it } from 'vitest';
import { REDACTED } from '../../../../modules/http/redact.ts';
import { createRedactor, redactorFor } from '../../../../modules/http/redactor.ts';

describe('the record redactor', () => {
  it('returns a value without secrets as it is, without a copy', () => {
    const record = { modules: [{ calls: [{ input: { url: 'https://x.test/a?page=2&q=cats' } }] }] };
    expect(createRedactor(['conn-secret']).value(record)).toBe(record);
  });

  it('replaces a connection credential wherever it appears, and leaves the original untouched', () => {
    const record = { outputs: [{ copy: 'conn-secret' }], note: 'token conn-secret used', n: 3 };
    const out = createRedactor(['conn-secret']).value(record);
    expect(out).toEqual({ outputs: [{ copy: REDACTED }], note: `token ${REDACTED} used`, n: 3 });
    expect(record.outputs[0]?.copy).toBe('conn-secret');
  });

  it('redacts a secret query value in its URL and everywhere else in the record', () => {
    const record = {
      input: { url: 'https://api.test/v1?api_key=Qu3ry%2BKey&page=2' },
      trigger: { mapped: 'Qu3ry+Key', raw: 'Qu3ry%2BKey' },
    };
    expect(createRedactor([]).value(record)).toEqual({
      input: { url: `https://api.test/v1?api_key=${REDACTED}&page=2` },
      trigger: { mapped: REDACTED, raw: REDACTED },
    });
  });

  it('redacts a literal secret inside a query value whose name is not secret', () => {
    expect(createRedactor(['conn-secret']).value('https://x.test/?q=aconn-secretb&page=1')).toBe(
      `https://x.test/?q=a${REDACTED}b&page=1`,
    );
  });

  it('redacts values of secret-named properties and headers, but not a plain `key`', () => {
    const record = {
      bundle: { api_key: 'bundle-secret', accessToken: 'camel-secret', key: 'record-17' },
      headers: [{ name: 'Authorization', value: 'Bearer hdr-secret' }],
      elsewhere: ['bundle-secret', 'camel-secret', 'hdr-secret', 'record-17'],
    };
    expect(createRedactor([]).value(record).elsewhere).toEqual([REDACTED, REDACTED, REDACTED, 'record-17']);
  });

  it('redacts UTF-8 bodies and keeps binary ones byte for byte', () => {
    const redactor = createRedactor(['conn-secret']);
    expect(redactor.value(Buffer.from('{"t":"conn-secret"}')).toString()).toBe(`{"t":"${REDACTED}"}`);
    const binary = Buffer.from([0xff, 0xfe, ...Buffer.from('conn-secret')]);
    expect(redactor.value(binary)).toBe(binary);
  });

  it('ignores secrets shorter than 4 characters, which would blank ordinary text', () => {
    expect(createRedactor(['ab']).value('tab ab')).toBe('tab ab');
  });

  it('builds one redactor per list of secrets', () => {
    const secrets = ['conn-secret'];
    expect(redactorFor(secrets)).toBe(redactorFor(secrets));
  });

  describe('json: the stored text of value(), serialised once', () => {
    const cases: Array<[string, string[], unknown]> = [
      ['nothing secret', [], { modules: [{ outputs: [{ name: 'Ada', n: 1 }] }] }],
      ['a secret query pair', [], { url: 'https://x.test/?api_key=Qu3ryKey&page=2', copy: 'Qu3ryKey' }],
      ['a secret-named property', [], { bundle: { accessToken: 'camel-secret' }, copy: 'camel-secret' }],
      ['a secret header pair', [], { headers: [{ name: 'Authorization', value: 'Bearer hdr-secret' }] }],
      ['a connection credential', ['conn-secret'], { note: 'used conn-secret', n: 3 }],
      ['a credential JSON escapes', ['se"cret\\x'], { note: 'has se"cret\\x inside' }],
      ['a credential inside a text Buffer', ['conn-secret'], { body: Buffer.from('{"t":"conn-secret"}') }],
      ['the Kelvin sign in a secret name', [], { [`api_\u212Aey`]: 'kelvin-secret', copy: 'kelvin-secret' }],
    ];
    for (const [name, secrets, value] of cases) {
      it(`equals JSON.stringify(value(v)) with ${name}`, () => {
        const redactor = createRedactor(secrets);
        expect(redactor.json(value)).toBe(JSON.stringify(redactor.value(value)));
      });
    }

    it('leaves nothing of a secret in the text', () => {
      const text = createRedactor(['conn-secret']).json({
        url: 'https://x.test/?token=T0ken-value',
        copy: 'T0ken-value',
        body: Buffer.from('conn-secret'),
      });
      expect(text).not.toMatch(/T0ken-value|conn-secret|99,111,110,110/);
    });
  });

  describe('clear: a cheap look at serialised pieces', () => {
    it('clears query pairs whose names are plainly not secret, and value() agrees', () => {
      const redactor = createRedactor([]);
      for (const text of ['/hook?page=2', 'text/plain; charset=utf-8', '?a=1&b=x+y']) {
        expect(redactor.clear([text])).toBe(true);
        expect(redactor.value(text)).toBe(text);
      }
    });

    it('does not clear a percent-encoded secret query name, which value() redacts', () => {
      const redactor = createRedactor([]);
      expect(redactor.clear(['/hook?%74oken=abcd1234'])).toBe(false);
      expect(redactor.value('/hook?%74oken=abcd1234')).toBe('/hook?%74oken=[redacted]');
    });

    it('clears text with no `=`, no secret-like name and no credential', () => {
      expect(createRedactor(['conn-secret']).clear(['{"name":"Ada"}', 'POST'], [Buffer.from('plain')])).toBe(
        true,
      );
    });

    it('does not clear query pairs, secret-like names, credentials or hidden bytes', () => {
      const redactor = createRedactor(['conn-secret']);
      expect(redactor.clear(['/hook?token=abcd'])).toBe(false);
      expect(redactor.clear(['{"X-Api-Key":"abc"}'])).toBe(false);
      expect(redactor.clear(['{"note":"conn-secret"}'])).toBe(false);
      expect(redactor.clear(['{"type":"Buffer","data":[1]}'])).toBe(false);
      expect(redactor.clear(['{}'], [Buffer.from('xx conn-secret xx')])).toBe(false);
    });
  });
});
