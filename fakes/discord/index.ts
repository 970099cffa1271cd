/**
 * Discord fake: channels with messages. Seed `"discord": {"<channelId>": [ {content} ]}`;
 * Create a message appends one. Output follows the Discord API `Message` object.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import { defineFake, type FakeCall, type FakeModule, FakeSeedError } from '../define-fake.ts';
import type { FakeState } from '../state.ts';

const FAKE = 'discord';

const createMessage: FakeModule = {
  kind: 'action',
  output: '`{ id, channel_id, content, timestamp, author }` (Discord API `Message`)',
  run(call: FakeCall) {
    const channel = String(
      call.input.channelId ?? call.parameters.channelId ?? call.input.channel ?? 'webhook',
    );
    if (!call.input.content) throw new MakeError('DataError', '[400] Cannot send an empty message');
    const count = call.state.list(FAKE, channel).length;
    const id = `${call.now.getTime()}${String(count + 1).padStart(4, '0')}`;
    const sent = {
      id,
      channel_id: channel,
      content: call.input.content,
      timestamp: call.now.toISOString(),
      author: { bot: true },
    };
    call.state.put(FAKE, channel, id, sent);
    return [sent];
  },
};

function seed(state: FakeState, value: unknown): void {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new FakeSeedError(FAKE, '', 'give an object: channel id → array of messages');
  for (const [channel, messages] of Object.entries(value)) {
    if (!Array.isArray(messages))
      throw new FakeSeedError(FAKE, channel, 'give the channel an array of messages');
    messages.forEach((m, i) => {
      const id = `seed-${i + 1}`;
      state.put(FAKE, channel, id, { id, channel_id: channel, ...(m as Record<string, unknown>) });
    });
  }
}

export const discordFake = defineFake({
  name: FAKE,
  description: 'Channels with messages: create.',
  modules: { 'discord:createMessage': createMessage, 'discord:PostMessage': createMessage },
  seed,
  snapshot: (state) =>
    Object.fromEntries(state.collections(FAKE).map((c) => [c, state.list(FAKE, c).map((m) => m.data)])),
});
