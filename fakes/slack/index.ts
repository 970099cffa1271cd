/**
 * Slack fake: channels with messages. Seed `"slack": {"<channel>": [ {text, user?, ts?} ]}`;
 * a channel is named as the module maps it (an id such as `C024BE91L` or `#general`). Message
 * timestamps are `<unix seconds of now>.<6-digit sequence>`, unique per case. Missing channels
 * and messages fail as Slack's API answers (`channel_not_found`, `message_not_found`).
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import { defineFake, type FakeCall, type FakeModule, FakeSeedError } from '../define-fake.ts';
import type { FakeState } from '../state.ts';

const FAKE = 'slack';

function channelOf(call: FakeCall): string {
  const channel = call.input.channel ?? call.input.channelId ?? call.parameters.channel;
  if (channel === undefined || channel === '')
    throw new MakeError('DataError', 'Missing value of required parameter "channel".');
  return String(channel);
}

function tsOf(call: FakeCall): string {
  const sequence = Number(call.state.cursor(FAKE, 'sequence') ?? 0) + 1;
  call.state.setCursor(FAKE, 'sequence', String(sequence));
  return `${Math.floor(call.now.getTime() / 1000)}.${String(sequence % 1_000_000).padStart(6, '0')}`;
}

function notFound(what: 'channel' | 'message', value: string): MakeError {
  return new MakeError('DataError', `[404] ${what}_not_found: ${value}`);
}

const MESSAGE_OUTPUT = '`{ channel, ts, message: { type, text, user, ts } }` (Slack API `chat.postMessage`)';

function channelExists(state: FakeState, channel: string): boolean {
  return state.collections(FAKE).includes(channel) || state.cursor(FAKE, `exists:${channel}`) !== undefined;
}

/** Channels are the seeded ones; with none seeded, any channel exists (created on first post). */
function knownChannel(call: FakeCall): string {
  const channel = channelOf(call);
  const seeded = call.state.cursor(FAKE, 'seeded') !== undefined;
  if (seeded && !channelExists(call.state, channel)) throw notFound('channel', channel);
  return channel;
}

const createMessage: FakeModule = {
  kind: 'action',
  output: MESSAGE_OUTPUT,
  run(call) {
    const channel = knownChannel(call);
    const ts = tsOf(call);
    const message = {
      type: 'message',
      text: call.input.text ?? '',
      user: 'U-MAKESIM',
      ts,
      ...(call.input.thread_ts ? { thread_ts: call.input.thread_ts } : {}),
    };
    call.state.put(FAKE, channel, ts, message);
    return [{ channel, ts, message }];
  },
};

function existing(call: FakeCall): { channel: string; ts: string; message: Record<string, unknown> } {
  const channel = knownChannel(call);
  const ts = String(call.input.ts ?? call.input.messageId ?? '');
  const message = call.state.get(FAKE, channel, ts);
  if (!message) throw notFound('message', ts);
  return { channel, ts, message };
}

const updateMessage: FakeModule = {
  kind: 'action',
  output: '`{ channel, ts, text }` (Slack API `chat.update`)',
  run(call) {
    const { channel, ts, message } = existing(call);
    call.state.put(FAKE, channel, ts, { ...message, text: call.input.text ?? message.text, edited: true });
    return [{ channel, ts, text: call.input.text ?? message.text }];
  },
};

const deleteMessage: FakeModule = {
  kind: 'action',
  output: '`{ channel, ts }` (Slack API `chat.delete`)',
  run(call) {
    const { channel, ts } = existing(call);
    call.state.remove(FAKE, channel, ts);
    return [{ channel, ts }];
  },
};

const searchMessages: FakeModule = {
  kind: 'search',
  output: '`{ ts, text, user, channel, permalink }` (fields mapped in public blueprints)',
  run(call) {
    const query = String(call.input.query ?? call.input.text ?? '').toLowerCase();
    const limit = Number(call.input.limit) > 0 ? Number(call.input.limit) : Number.POSITIVE_INFINITY;
    const found: Array<Record<string, unknown>> = [];
    for (const channel of call.state.collections(FAKE)) {
      for (const { data } of call.state.list(FAKE, channel)) {
        if (
          !String(data.text ?? '')
            .toLowerCase()
            .includes(query)
        )
          continue;
        found.push({
          ts: data.ts,
          text: data.text,
          user: data.user,
          channel,
          permalink: `https://slack.example/archives/${channel}/p${String(data.ts).replace('.', '')}`,
        });
      }
    }
    return found.slice(0, limit);
  },
};

const watchMessages: FakeModule = {
  kind: 'trigger',
  output: '`{ type, text, user, ts, channel }` (Slack message event)',
  run(call) {
    const channel = channelOf(call);
    const cursorName = `watch:${call.moduleId}:${channel}`;
    const after = call.state.cursor(FAKE, cursorName);
    const all = call.state.list(FAKE, channel);
    const start = after === undefined ? 0 : all.findIndex((m) => m.id === after) + 1;
    const limit =
      Number(call.parameters.limit ?? call.input.limit) > 0
        ? Number(call.parameters.limit ?? call.input.limit)
        : all.length;
    const fresh = all.slice(start, start + limit);
    const last = fresh.at(-1);
    if (last) call.state.setCursor(FAKE, cursorName, last.id);
    return fresh.map((m) => ({ ...m.data, channel }));
  },
};

function seed(state: FakeState, value: unknown): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new FakeSeedError(FAKE, '', 'give an object: channel → array of messages');
  }
  for (const [channel, messages] of Object.entries(value)) {
    if (!Array.isArray(messages))
      throw new FakeSeedError(FAKE, channel, 'give the channel an array of messages');
    messages.forEach((m, i) => {
      const message = m as Record<string, unknown>;
      const ts = String(message.ts ?? `1700000000.${String(i + 1).padStart(6, '0')}`);
      state.put(FAKE, channel, ts, { type: 'message', user: 'U-SEED', ...message, ts });
    });
    state.setCursor(FAKE, `exists:${channel}`, '1');
    state.setCursor(FAKE, 'seeded', '1');
  }
}

function snapshot(state: FakeState): Record<string, unknown> {
  const seeded = state.cursorNames(FAKE, 'exists:').map((name) => name.slice('exists:'.length));
  const channels = [...new Set([...seeded, ...state.collections(FAKE)])].sort();
  return Object.fromEntries(channels.map((c) => [c, state.list(FAKE, c).map((m) => m.data)]));
}

export const slackFake = defineFake({
  name: FAKE,
  description: 'Channels with messages: create, update, delete, search, watch.',
  modules: {
    'slack:CreateMessage': createMessage,
    'slack:UpdateMessage': updateMessage,
    'slack:DeleteMessage': deleteMessage,
    'slack:SearchMessages': searchMessages,
    'slack:WatchMessages': watchMessages,
  },
  seed,
  snapshot,
});
