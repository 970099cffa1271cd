/**
 * Email fake for Gmail (`google-email:*`) and the Email app (`email:*`): one mailbox with an
 * `outbox` (every send, recorded as the module's mapped input) and an `inbox` (seeded messages;
 * the watch triggers answer unread ones not yet seen, up to `limit`, and mark them read when the
 * module's `markSeen` is on). Seed: `"email": {"inbox": [ {…message…} ], "outbox": []}`.
 */
import type { Bundle } from '../../engine/registry/define-module.ts';
import { defineFake, type FakeCall, type FakeModule, FakeSeedError } from '../define-fake.ts';
import type { FakeState } from '../state.ts';

const FAKE = 'email';
const BOXES = ['inbox', 'outbox'] as const;

function idOf(call: FakeCall, box: string): string {
  return `${box === 'outbox' ? 'sent' : 'msg'}-${call.state.list(FAKE, box).length + 1}`;
}

function send(output: (id: string) => Bundle, shape: string): FakeModule {
  return {
    kind: 'action',
    output: shape,
    run(call) {
      const id = idOf(call, 'outbox');
      call.state.put(FAKE, 'outbox', id, { id, ...call.input, sentAt: call.now.toISOString() });
      return [output(id)];
    },
  };
}

/** Gmail API users.messages.send answers the message resource: id, threadId, labelIds. */
const gmailSend = send(
  (id) => ({ id, threadId: `thread-${id}`, labelIds: ['SENT'] }),
  '`{ id, threadId, labelIds }` (Gmail API `users.messages.send`)',
);
/** Make's documentation names no output for these: an empty bundle (docs/fidelity.md "Fakes"). */
const legacySend = send(() => ({}), 'no documented output: an empty bundle');

function unreadSince(call: FakeCall): Array<{ id: string; data: Record<string, unknown> }> {
  const cursorName = `watch:${call.moduleId}`;
  const seen = new Set((call.state.cursor(FAKE, cursorName) ?? '').split('\n').filter(Boolean));
  const limit = Number(call.parameters.limit ?? call.input.limit ?? 10) || 10;
  const fresh = call.state
    .list(FAKE, 'inbox')
    .filter((m) => !seen.has(m.id) && m.data.read !== true)
    .slice(0, limit);
  call.state.setCursor(FAKE, cursorName, [...seen, ...fresh.map((m) => m.id)].join('\n'));
  if (call.parameters.markSeen === true) {
    for (const m of fresh) call.state.put(FAKE, 'inbox', m.id, { ...m.data, read: true });
  }
  return fresh;
}

const addressOf = (value: unknown): { name: string; email: string } => {
  const text = String(value ?? '');
  const match = /^(.*)<([^>]+)>$/.exec(text);
  return match ? { name: (match[1] as string).trim(), email: match[2] as string } : { name: '', email: text };
};

/** Gmail v4 Watch emails: the fields of its exported `metadata.interface`. */
const watchGmail: FakeModule = {
  kind: 'trigger',
  output:
    '`{ id, threadId, internalDate, subject, fromName, fromEmail, to[], cc[], bcc[], snippet, fullTextBody, htmlBody, hasAttachment }` (exported metadata.interface)',
  run: (call) =>
    unreadSince(call).map(({ id, data }) => {
      const from = addressOf(data.from);
      const text = String(data.text ?? '');
      return {
        id,
        threadId: data.threadId ?? `thread-${id}`,
        internalDate: data.date ?? call.now.toISOString(),
        subject: data.subject ?? '',
        fromName: from.name,
        fromEmail: from.email,
        to: (Array.isArray(data.to) ? data.to : [data.to].filter(Boolean)).map(addressOf),
        cc: [],
        bcc: [],
        snippet: text.slice(0, 200),
        fullTextBody: text,
        htmlBody: data.html ?? '',
        hasAttachment: false,
      };
    }),
};

/** Legacy Watch emails (Gmail v2, Email app): the fields public blueprints map. */
const watchLegacy: FakeModule = {
  kind: 'trigger',
  output: '`{ id, subject, from, to, date, text, html }` (fields mapped in public blueprints)',
  run: (call) =>
    unreadSince(call).map(({ id, data }) => ({
      id,
      subject: data.subject ?? '',
      from: data.from ?? '',
      to: data.to ?? [],
      date: data.date ?? call.now.toISOString(),
      text: data.text ?? '',
      html: data.html ?? '',
    })),
};

function seed(state: FakeState, value: unknown): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new FakeSeedError(FAKE, '', 'give an object with "inbox" and/or "outbox" arrays of messages');
  }
  for (const [box, messages] of Object.entries(value)) {
    if (!(BOXES as readonly string[]).includes(box))
      throw new FakeSeedError(FAKE, box, 'use "inbox" or "outbox"');
    if (!Array.isArray(messages)) throw new FakeSeedError(FAKE, box, 'give an array of messages');
    messages.forEach((message, i) => {
      const id = String((message as { id?: unknown })?.id ?? `${box === 'outbox' ? 'sent' : 'msg'}-${i + 1}`);
      state.put(FAKE, box, id, { id, ...(message as Record<string, unknown>) });
    });
  }
}

function snapshot(state: FakeState): Record<string, unknown> {
  return Object.fromEntries(BOXES.map((box) => [box, state.list(FAKE, box).map((m) => m.data)]));
}

export const emailFake = defineFake({
  name: FAKE,
  description: 'A mailbox for Gmail and the Email app: outbox for sends, inbox for watches.',
  modules: {
    'google-email:sendAnEmail': gmailSend,
    'google-email:ActionSendEmail': legacySend,
    'email:ActionSendEmail': legacySend,
    'email:ActionSendMeEmail': legacySend,
    'google-email:triggerWatchNewEmails': watchGmail,
    'google-email:TriggerNewEmail': watchLegacy,
    'email:TriggerNewEmail': watchLegacy,
  },
  seed,
  snapshot,
});
