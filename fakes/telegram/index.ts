/**
 * Telegram Bot fake: chats with messages. Seed `"telegram": {"<chatId>": [ {text, from?} ]}` —
 * seeded messages are incoming updates (Watch updates answers them once); Send a text message
 * appends the bot's message. Output shapes follow the Bot API `Message` and `Update` objects.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import { defineFake, type FakeCall, type FakeModule, FakeSeedError } from '../define-fake.ts';
import type { FakeState } from '../state.ts';

const FAKE = 'telegram';

function nextId(state: FakeState): number {
  const id = Number(state.cursor(FAKE, 'message_id') ?? 0) + 1;
  state.setCursor(FAKE, 'message_id', String(id));
  return id;
}

function message(
  chatId: string,
  id: number,
  data: Record<string, unknown>,
  date: number,
): Record<string, unknown> {
  return { message_id: id, date, chat: { id: chatId }, ...data };
}

const sendMessage: FakeModule = {
  kind: 'action',
  output: '`{ message_id, date, chat: { id }, text, from }` (Bot API `Message`)',
  run(call: FakeCall) {
    const chatId = String(call.input.chatId ?? '');
    if (chatId === '') throw new MakeError('DataError', 'Bad Request: chat_id is empty');
    const id = nextId(call.state);
    const sent = message(
      chatId,
      id,
      { text: call.input.text ?? '', from: { is_bot: true, username: 'makesim_bot' } },
      Math.floor(call.now.getTime() / 1000),
    );
    call.state.put(FAKE, chatId, String(id).padStart(9, '0'), sent);
    return [sent];
  },
};

const watchUpdates: FakeModule = {
  kind: 'trigger',
  output: '`{ update_id, message }` (Bot API `Update`; public blueprints map message.chat.id)',
  run(call: FakeCall) {
    const seen = Number(call.state.cursor(FAKE, `watch:${call.moduleId}`) ?? 0);
    const updates: Array<Record<string, unknown>> = [];
    for (const chat of call.state.collections(FAKE)) {
      for (const { data } of call.state.list(FAKE, chat)) {
        const id = Number(data.message_id);
        if (id > seen && (data.from as { is_bot?: boolean } | undefined)?.is_bot !== true)
          updates.push({ update_id: id, message: data });
      }
    }
    updates.sort((a, b) => Number(a.update_id) - Number(b.update_id));
    const last = updates.at(-1);
    if (last) call.state.setCursor(FAKE, `watch:${call.moduleId}`, String(last.update_id));
    return updates;
  },
};

function seed(state: FakeState, value: unknown): void {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new FakeSeedError(FAKE, '', 'give an object: chat id → array of messages');
  for (const [chatId, messages] of Object.entries(value)) {
    if (!Array.isArray(messages)) throw new FakeSeedError(FAKE, chatId, 'give the chat an array of messages');
    for (const m of messages) {
      const id = nextId(state);
      state.put(
        FAKE,
        chatId,
        String(id).padStart(9, '0'),
        message(
          chatId,
          id,
          { from: { is_bot: false, first_name: 'User' }, ...(m as Record<string, unknown>) },
          1735689600,
        ),
      );
    }
  }
}

export const telegramFake = defineFake({
  name: FAKE,
  description: 'Chats with messages: send, watch updates.',
  modules: { 'telegram:SendReplyMessage': sendMessage, 'telegram:WatchUpdates': watchUpdates },
  seed,
  snapshot: (state) =>
    Object.fromEntries(state.collections(FAKE).map((c) => [c, state.list(FAKE, c).map((m) => m.data)])),
});
