/**
 * OpenAI (`openai-gpt-3:*`) and Gemini (`gemini-ai:*`) fakes: scripted answers chosen by the
 * prompt (script.ts), in the output shapes public blueprints map from these modules.
 */
import type { FakeCall, FakeModule } from '../define-fake.ts';
import { defineFake } from '../define-fake.ts';
import type { FakeState } from '../state.ts';
import { answerFor, resultOf, seedScript, snapshotScript, textOf } from './script.ts';

const OPENAI = 'openai';
const GEMINI = 'gemini';

function completion(
  fake: string,
  promptOf: (call: FakeCall) => string,
  shape: (text: string, result: unknown, call: FakeCall) => Record<string, unknown>,
  output: string,
): FakeModule {
  return {
    kind: 'action',
    output,
    run(call) {
      const { text, result } = resultOf(answerFor(fake, call, promptOf(call)));
      return [shape(text, result, call)];
    },
  };
}

const chat = completion(
  OPENAI,
  (call) => textOf(call.input.messages ?? call.input.prompt),
  (text, result, call) => ({
    result,
    id: `chatcmpl-${call.n}`,
    object: 'chat.completion',
    created: Math.floor(call.now.getTime() / 1000),
    model: call.input.model ?? '',
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
  }),
  '`{ result, id, object, created, model, choices[]: { index, message: { role, content }, finish_reason } }` (mapped in public blueprints: result, choices[].message.content)',
);

const response = completion(
  OPENAI,
  (call) => textOf(call.input.input ?? call.input.instructions),
  (text, result, call) => ({
    result,
    id: `resp-${call.n}`,
    model: call.input.model ?? '',
    output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] }],
  }),
  '`{ result, id, model, output[]: { type, role, content[]: { type, text } } }` (mapped: result, output[].content[].text)',
);

const analyzeImages = completion(
  OPENAI,
  (call) => textOf(call.input.prompt),
  (_text, result) => ({ result }),
  '`{ result }` (mapped in public blueprints)',
);

const generateImage: FakeModule = {
  kind: 'action',
  output: '`{ data[]: { url, revised_prompt } }` (mapped: data[].url)',
  run(call) {
    const prompt = textOf(call.input.prompt);
    const url = answerFor(OPENAI, call, prompt);
    return [{ data: [{ url: String(url), revised_prompt: prompt }] }];
  },
};

const gemini = completion(
  GEMINI,
  (call) => textOf(call.input.contents ?? call.input.prompt),
  (text, result) => ({
    result,
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
  }),
  '`{ result, candidates[]: { content: { role, parts[]: { text } }, finishReason } }` (mapped: result, result.<field> for JSON answers, candidates[].content.parts[].text)',
);

export const openaiFake = defineFake({
  name: OPENAI,
  description: 'Scripted OpenAI answers chosen by the prompt.',
  modules: {
    'openai-gpt-3:CreateCompletion': chat,
    'openai-gpt-3:createModelResponse': response,
    'openai-gpt-3:analyzeImages': analyzeImages,
    'openai-gpt-3:GenerateImage': generateImage,
  },
  seed: (state: FakeState, value: unknown) => seedScript(OPENAI, state, value),
  snapshot: (state: FakeState) => snapshotScript(OPENAI, state),
});

export const geminiFake = defineFake({
  name: GEMINI,
  description: 'Scripted Gemini answers chosen by the prompt.',
  modules: { 'gemini-ai:createACompletionGeminiPro': gemini },
  seed: (state: FakeState, value: unknown) => seedScript(GEMINI, state, value),
  snapshot: (state: FakeState) => snapshotScript(GEMINI, state),
});
