import { describe, expect, it } from 'vitest';
import { MakeError } from '../../../../engine/errors/make-error.ts';
import customMailhook from '../../../../modules/gateway/custom-mailhook.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';

async function trigger(input: unknown) {
  const call = fakeCall('gateway:CustomMailHook', {}, { hook: 1, maxResults: 1 });
  return customMailhook.run?.(call, fakeContext({ triggerInput: input }));
}

async function one(input: unknown): Promise<Record<string, unknown>> {
  const out = await trigger(input);
  expect(out).toHaveLength(1);
  return out?.[0] as Record<string, unknown>;
}

const crlf = (lines: string[]) => lines.join('\r\n');

// multipart/alternative with text + html; To and Cc with display names; an encoded-word subject.
const ALTERNATIVE = crlf([
  'From: "Ann Lee" <ann@example.com>',
  'To: Bob Stone <bob@example.org>, carol@example.org',
  'Cc: "Dee, Team" <dee@example.net>',
  'Subject: =?UTF-8?B?UHLDvGZ1bmcg4oCTIGRvbmU=?=',
  'Date: Tue, 04 Mar 2025 10:15:00 +0100',
  'Message-ID: <abc.123@example.com>',
  'Reply-To: replies@example.com',
  'Received: from a.example by b.example',
  'Received: from c.example by a.example',
  'MIME-Version: 1.0',
  'Content-Type: multipart/alternative; boundary="ALT"',
  '',
  '--ALT',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Hello Bob.',
  '--ALT',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p>Hello <b>Bob</b>.</p>',
  '--ALT--',
  '',
]);

// multipart/mixed with a base64 attachment ("hello, file" = aGVsbG8sIGZpbGU=, 11 bytes).
const WITH_ATTACHMENT = crlf([
  'From: ann@example.com',
  'To: bob@example.org',
  'Subject: Report',
  'MIME-Version: 1.0',
  'Content-Type: multipart/mixed; boundary="MIX"',
  '',
  '--MIX',
  'Content-Type: text/plain',
  '',
  'See attached.',
  '--MIX',
  'Content-Type: text/csv; name="report.csv"',
  'Content-Disposition: attachment; filename="report.csv"',
  'Content-Transfer-Encoding: base64',
  '',
  'aGVsbG8sIGZpbGU=',
  '--MIX--',
  '',
]);

describe('gateway:CustomMailHook', () => {
  it('maps sender, recipients with names, subject and both bodies', async () => {
    const bundle = await one(ALTERNATIVE);
    expect(bundle.from).toEqual({ address: 'ann@example.com', name: 'Ann Lee' });
    expect(bundle.to).toEqual([
      { address: 'bob@example.org', name: 'Bob Stone' },
      { address: 'carol@example.org', name: '' },
    ]);
    expect(bundle.cc).toEqual([{ address: 'dee@example.net', name: 'Dee, Team' }]);
    expect(bundle.bcc).toEqual([]);
    expect(String(bundle.text).trim()).toBe('Hello Bob.');
    expect(String(bundle.html).trim()).toBe('<p>Hello <b>Bob</b>.</p>');
  });

  it('decodes an encoded-word subject', async () => {
    expect((await one(ALTERNATIVE)).subject).toBe('Prüfung – done');
  });

  it('gives the date in ISO 8601 (UTC)', async () => {
    expect((await one(ALTERNATIVE)).date).toBe('2025-03-04T09:15:00.000Z');
  });

  it('keeps headers under lowercase names, Reply-To among them, repeats as an array', async () => {
    const headers = (await one(ALTERNATIVE)).headers as Record<string, unknown>;
    expect(headers['message-id']).toBe('<abc.123@example.com>');
    expect(headers['reply-to']).toBe('replies@example.com');
    expect(headers.received).toEqual(['from a.example by b.example', 'from c.example by a.example']);
  });

  it('gives attachments as binary data with file name, type and size', async () => {
    const bundle = await one(WITH_ATTACHMENT);
    const attachments = bundle.attachments as Array<Record<string, unknown>>;
    expect(attachments).toHaveLength(1);
    const file = attachments[0] ?? {};
    expect(file.fileName).toBe('report.csv');
    expect(file.contentType).toBe('text/csv');
    expect(file.size).toBe(11);
    expect(Buffer.isBuffer(file.data)).toBe(true);
    expect(String(file.data)).toBe('hello, file');
    expect(String(bundle.text).trim()).toBe('See attached.');
    expect(bundle.html).toBeUndefined();
  });

  it('accepts the message as a Buffer and as {raw}', async () => {
    expect((await one(Buffer.from(WITH_ATTACHMENT))).subject).toBe('Report');
    expect((await one({ raw: WITH_ATTACHMENT })).subject).toBe('Report');
  });

  it('parses a request queued by the server: raw message or JSON bundle', async () => {
    const raw = {
      method: 'POST',
      headers: {},
      body: Buffer.from(WITH_ATTACHMENT),
      contentType: 'message/rfc822',
    };
    expect((await one(raw)).subject).toBe('Report');
    const json = { method: 'POST', headers: {}, body: '{"subject":"S"}', contentType: 'application/json' };
    expect(await one(json)).toEqual({ subject: 'S' });
  });

  it('accepts a message saved from an mbox, with its leading From_ line', async () => {
    const mbox = `From ann@example.com Tue Mar  4 10:15:00 2025\r\n${WITH_ATTACHMENT}`;
    expect((await one(mbox)).subject).toBe('Report');
  });

  it('takes an object in bundle shape as the bundle', async () => {
    const bundle = { from: { address: 'a@b.c', name: 'A' }, subject: 'Hi', text: 'x' };
    expect(await one(bundle)).toEqual(bundle);
  });

  it('outputs nothing without trigger input', async () => {
    expect(await trigger(undefined)).toEqual([]);
  });

  it.each([
    ['a sentence', 'hello, this is not an email', 'not-an-email'],
    ['headers without From', 'Subject: x\r\n\r\nbody', 'not-an-email'],
    ['an empty message', '', 'empty-email'],
    ['a number', 42, 'not-an-email'],
  ])('refuses %s with a DataError', async (_name, input, code) => {
    const failure = await trigger(input).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(MakeError);
    expect((failure as MakeError).type).toBe('DataError');
    expect((failure as MakeError).details?.code).toBe(code);
  });
});
