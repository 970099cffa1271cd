/**
 * Mock resolution (DESIGN.md "Mocks"): by module id ("4") or module key; id wins. A value is one
 * response for every call, an array answered by call order (a call past the end fails loudly), a
 * list of responses carrying `when` (the first whose `when` matches the mapped input answers; one
 * without `when` answers any call), or a function of the input. A call nothing answers is a setup
 * error naming the module and showing its input — never a silent empty answer.
 */

import type { ModuleNode } from '../blueprint/scenario.ts';
import { isMakeErrorType, MakeError } from '../errors/make-error.ts';
import type { Bundle } from '../registry/define-module.ts';
import { interfaceOf, sampleFromInterface } from '../registry/interface-sample.ts';
import type { MockAnswer, MockEntry, MockResponse, Mocks } from '../registry/mocks.ts';
import { EngineStop } from './limits.ts';
import { WhenMatcher } from './mock-when.ts';

type Answer = Bundle[] | Promise<Bundle[]>;

export class MockBook {
  readonly #mocks: Mocks;
  /** Calls made so far, by module id. */
  readonly #calls = new Map<number, number>();
  readonly #when = new WhenMatcher();

  constructor(mocks: Mocks | undefined) {
    this.#mocks = mocks ?? {};
  }

  has(node: ModuleNode): boolean {
    return this.#entry(node) !== undefined;
  }

  /** The next mocked answer for `node` given its mapped input: bundles, or a thrown MakeError. */
  next(node: ModuleNode, input: Record<string, unknown> = {}, cycle = 1): Answer {
    const entry = this.#entry(node);
    if (entry === undefined) throw missingMock(node);
    const call = (this.#calls.get(node.id) ?? 0) + 1;
    this.#calls.set(node.id, call);
    if (typeof entry === 'function') {
      const info = { n: call, moduleId: node.id, key: node.key, label: node.label, cycle };
      const meta = { ...info, parameters: node.parameters, raw: node.raw };
      return settle(node, entry(input, meta), 'its mock function returned');
    }
    if (Array.isArray(entry) && !entry.some(hasWhen)) {
      const response = entry[call - 1];
      if (response === undefined) throw exhausted(node, call, entry.length);
      return answer(node, response, 'its mock');
    }
    return this.#byWhen(node, Array.isArray(entry) ? entry : [entry], input);
  }

  /** The first response whose `when` holds; jsonata `when`s make the choice asynchronous. */
  #byWhen(node: ModuleNode, list: MockResponse[], input: Record<string, unknown>, from = 0): Answer {
    for (let i = from; i < list.length; i++) {
      const response = list[i] as MockResponse;
      if (response.when === undefined) return answer(node, response, 'its mock');
      let verdict: boolean | Promise<boolean>;
      try {
        verdict = this.#when.matches(response.when, input);
      } catch (error) {
        throw badWhen(node, error);
      }
      if (verdict === true) return answer(node, response, 'its mock');
      if (verdict === false) continue;
      return verdict.then(
        (ok) => (ok ? answer(node, response, 'its mock') : this.#byWhen(node, list, input, i + 1)),
        (error: unknown) => {
          throw badWhen(node, error);
        },
      );
    }
    throw unmatched(node, input);
  }

  /**
   * Resolved once per module, by id: `has` runs for every bundle, and an array read costs less
   * than a Map's. The node is kept with its entry, so another node of the same id looks up its own.
   */
  readonly #resolvedFor: (ModuleNode | undefined)[] = [];
  readonly #resolved: (MockEntry | null)[] = [];

  #entry(node: ModuleNode): MockEntry | undefined {
    if (this.#resolvedFor[node.id] !== node) {
      this.#resolved[node.id] = this.#lookup(node) ?? null;
      this.#resolvedFor[node.id] = node;
    }
    return this.#resolved[node.id] ?? undefined;
  }

  #lookup(node: ModuleNode): MockEntry | undefined {
    const byId = Object.hasOwn(this.#mocks, String(node.id)) ? this.#mocks[String(node.id)] : undefined;
    if (byId !== undefined) return byId;
    return Object.hasOwn(this.#mocks, node.key) ? this.#mocks[node.key] : undefined;
  }
}

const hasWhen = (response: MockResponse): boolean => response?.when !== undefined;

function settle(node: ModuleNode, result: MockAnswer | Promise<MockAnswer>, what: string): Answer {
  if (result && typeof (result as Promise<MockAnswer>).then === 'function') {
    return (result as Promise<MockAnswer>).then((value) => answer(node, value, what));
  }
  return answer(node, result as MockAnswer, what);
}

function answer(node: ModuleNode, response: MockAnswer, what: string): Bundle[] {
  if (response !== null && typeof response === 'object' && 'error' in response) {
    const type = response.error?.type;
    if (!isMakeErrorType(type)) {
      throw new EngineStop(
        'MissingMock',
        `The mock for ${describe(node)} has an unknown error type "${String(type)}".`,
        node.id,
      );
    }
    throw new MakeError(type, response.error.message ?? '');
  }
  if (response === null || typeof response !== 'object' || !('output' in response)) {
    throw new EngineStop(
      'MissingMock',
      `${describe(node)}: ${what} ${show(response)}; a mock answer is { "output": {…} | [ {…}, … ] } or { "error": { "type": "…", "message": "…" } }.`,
      node.id,
      { key: node.key },
    );
  }
  const output = response.output;
  if (Array.isArray(output)) return output;
  return output === undefined || output === null ? [] : [output];
}

function describe(node: ModuleNode): string {
  return `module ${node.id} (${node.key}${node.label ? `, "${node.label}"` : ''})`;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 400 ? `${text.slice(0, 397)}...` : text;
}

export function missingMock(node: ModuleNode, isTrigger = false): EngineStop {
  const sample = sampleFromInterface(interfaceOf(node.raw));
  const skeleton = JSON.stringify({ [String(node.id)]: { output: sample } }, null, 2);
  // A trigger's bundles can also come from the run's input (`--input`, RunOptions.input).
  const orInput = isTrigger ? ' or give its output as the trigger input (--input)' : '';
  return new EngineStop(
    'MissingMock',
    `${describe(node)} cannot run offline and has no mock. Add one to your mocks (by id or by "${node.key}")${orInput}:\n${skeleton}`,
    node.id,
    { key: node.key, skeleton: { [String(node.id)]: { output: sample } } },
  );
}

function unmatched(node: ModuleNode, input: Record<string, unknown>): EngineStop {
  return new EngineStop(
    'MissingMock',
    `${describe(node)} was called with an input no mock "when" matches. Add a response whose "when" matches it, or one without "when" to answer any call. Input:\n${JSON.stringify(input, null, 2)}`,
    node.id,
    { key: node.key, input },
  );
}

function badWhen(node: ModuleNode, error: unknown): EngineStop {
  const message = error instanceof Error ? error.message : String(error);
  return new EngineStop('MissingMock', `The mock for ${describe(node)}: ${message}`, node.id, {
    key: node.key,
  });
}

function exhausted(node: ModuleNode, call: number, length: number): EngineStop {
  return new EngineStop(
    'MissingMock',
    `${describe(node)} was called ${call} times but its mock has only ${length} response(s). ` +
      `Add a response for call ${call}, or give one object instead of an array to answer every call.`,
    node.id,
    { key: node.key, call },
  );
}
