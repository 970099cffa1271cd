/**
 * Scripted answers for the AI fakes (OpenAI, Gemini): a seed is a list of `{ when?, answer }`;
 * `when` is text the prompt must contain (case-insensitive) or a `/regex/flags`; the first match
 * answers, an entry without `when` answers any prompt. A prompt nothing answers stops the case as
 * an unmatched mock does, showing the prompt. Every request is kept for `expect.fakes`.
 */
import { EngineStop } from '../../engine/state/limits.ts';
import { type FakeCall, FakeSeedError } from '../define-fake.ts';
import type { FakeState } from '../state.ts';

export interface ScriptedAnswer {
  when?: string;
  answer: unknown;
}

export function seedScript(fake: string, state: FakeState, value: unknown): void {
  const list = Array.isArray(value) ? value : (value as { answers?: unknown })?.answers;
  if (!Array.isArray(list))
    throw new FakeSeedError(
      fake,
      '',
      'give a list of answers: [{ "when": "text in the prompt", "answer": … }]',
    );
  list.forEach((entry, i) => {
    if (!entry || typeof entry !== 'object' || !('answer' in entry)) {
      throw new FakeSeedError(
        fake,
        `[${i}]`,
        'an answer is { "when"?: "text or /regex/", "answer": text or object }',
      );
    }
    state.put(fake, 'answers', String(i).padStart(6, '0'), entry as Record<string, unknown>);
  });
}

function matches(when: string | undefined, prompt: string): boolean {
  if (when === undefined) return true;
  const regex = /^\/(.+)\/([a-z]*)$/.exec(when);
  if (regex) return new RegExp(regex[1] as string, regex[2]).test(prompt);
  return prompt.toLowerCase().includes(when.toLowerCase());
}

/** The scripted answer for this prompt, recorded with the request. */
export function answerFor(fake: string, call: FakeCall, prompt: string): unknown {
  const found = call.state
    .list(fake, 'answers')
    .find((a) => matches(a.data.when as string | undefined, prompt));
  if (!found) {
    throw new EngineStop(
      'MissingMock',
      `module ${call.moduleId} (${call.key}) sent a prompt no scripted ${fake} answer matches. Add { "when": …, "answer": … } under fakes.${fake}. Prompt:\n${prompt}`,
      call.moduleId,
      { key: call.key, input: call.input },
    );
  }
  const requests = call.state.list(fake, 'requests').length;
  call.state.put(fake, 'requests', String(requests + 1).padStart(6, '0'), {
    module: call.key,
    model: call.input.model ?? null,
    prompt,
    answer: found.data.answer,
  });
  return found.data.answer;
}

/** All text of a value, in order: message contents, parts, prompts. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(textOf).filter(Boolean).join('\n');
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    return textOf(v.content ?? v.parts ?? v.text ?? v.prompt ?? '');
  }
  return '';
}

export function snapshotScript(fake: string, state: FakeState): Record<string, unknown> {
  return { requests: state.list(fake, 'requests').map((r) => r.data) };
}

/** The answer as text, and as `result` (Make parses a JSON answer into an object). */
export function resultOf(answer: unknown): { text: string; result: unknown } {
  if (typeof answer === 'string') return { text: answer, result: answer };
  return { text: JSON.stringify(answer), result: answer };
}
