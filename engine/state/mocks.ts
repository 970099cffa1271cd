/**
 * Mock resolution (DESIGN.md "Mocks"): by module id ("4") or module key; id wins. A value is one
 * response for every call, or an array answered by call order; a call past the end fails loudly.
 */

import type { ModuleNode } from '../blueprint/scenario.ts';
import { isMakeErrorType, MakeError } from '../errors/make-error.ts';
import type { Bundle } from '../registry/define-module.ts';
import { interfaceOf, sampleFromInterface } from '../registry/interface-sample.ts';
import type { MockResponse, Mocks } from '../registry/mocks.ts';
import { EngineStop } from './limits.ts';

export class MockBook {
  readonly #mocks: Mocks;
  /** Calls made so far, by module id. */
  readonly #calls = new Map<number, number>();

  constructor(mocks: Mocks | undefined) {
    this.#mocks = mocks ?? {};
  }

  has(node: ModuleNode): boolean {
    return this.#entry(node) !== undefined;
  }

  /** The next mocked answer for `node`: bundles, or a thrown MakeError. */
  next(node: ModuleNode): Bundle[] {
    const entry = this.#entry(node);
    if (entry === undefined) throw missingMock(node);
    const call = (this.#calls.get(node.id) ?? 0) + 1;
    this.#calls.set(node.id, call);
    const response = Array.isArray(entry) ? entry[call - 1] : entry;
    if (response === undefined) throw exhausted(node, call, Array.isArray(entry) ? entry.length : 0);
    return answer(node, response);
  }

  /** Resolved once per module: `has` runs for every bundle. */
  readonly #resolved = new Map<ModuleNode, MockResponse | MockResponse[] | null>();

  #entry(node: ModuleNode): MockResponse | MockResponse[] | undefined {
    let entry = this.#resolved.get(node);
    if (entry === undefined) {
      entry = this.#lookup(node) ?? null;
      this.#resolved.set(node, entry);
    }
    return entry ?? undefined;
  }

  #lookup(node: ModuleNode): MockResponse | MockResponse[] | undefined {
    const byId = Object.hasOwn(this.#mocks, String(node.id)) ? this.#mocks[String(node.id)] : undefined;
    if (byId !== undefined) return byId;
    return Object.hasOwn(this.#mocks, node.key) ? this.#mocks[node.key] : undefined;
  }
}

function answer(node: ModuleNode, response: MockResponse): Bundle[] {
  if ('error' in response) {
    const type = response.error.type;
    if (!isMakeErrorType(type)) {
      throw new EngineStop(
        'MissingMock',
        `The mock for module ${node.id} (${node.key}) has an unknown error type "${type}".`,
        node.id,
      );
    }
    throw new MakeError(type, response.error.message ?? '');
  }
  const output = response.output;
  if (Array.isArray(output)) return output;
  return output === undefined || output === null ? [] : [output];
}

function describe(node: ModuleNode): string {
  return `module ${node.id} (${node.key}${node.label ? `, "${node.label}"` : ''})`;
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

function exhausted(node: ModuleNode, call: number, length: number): EngineStop {
  return new EngineStop(
    'MissingMock',
    `${describe(node)} was called ${call} times but its mock has only ${length} response(s). ` +
      `Add a response for call ${call}, or give one object instead of an array to answer every call.`,
    node.id,
    { key: node.key, call },
  );
}
