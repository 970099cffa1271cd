/**
 * A fake is a stateful stand-in for one app, declared like a built-in module: a name (the key
 * of `fakes` in a test case), the module keys it answers, and for each a kind, the output shape it
 * follows and its run. Runs read and write the case's FakeState (state.ts) and answer bundles,
 * or throw the app's MakeError.
 */
import type { Bundle } from '../engine/registry/define-module.ts';
import type { MockCall } from '../engine/registry/mocks.ts';
import type { FakeState } from './state.ts';

export interface FakeCall extends MockCall {
  readonly input: Record<string, unknown>;
  readonly state: FakeState;
  /** The case's fixed `now` (settings.now), for timestamps the app would stamp. */
  readonly now: Date;
}

export interface FakeModule {
  readonly kind: 'trigger' | 'action' | 'search';
  /** The output bundle's fields, and where that shape comes from (docs/fidelity.md "Fakes"). */
  readonly output: string;
  run(call: FakeCall): Bundle[];
}

export interface FakeDefinition {
  /** The key under `fakes` in a test case (`"google-sheets"`). */
  readonly name: string;
  readonly description: string;
  /** Module keys (`google-sheets:addRow`) → behaviour. */
  readonly modules: Readonly<Record<string, FakeModule>>;
  /** Loads a test case's seed for this fake; a bad seed throws naming the place. */
  seed(state: FakeState, seed: unknown): void;
  /** The state as `expect.fakes` compares it (same shape as the seed). */
  snapshot(state: FakeState): Record<string, unknown>;
}

export function defineFake(definition: FakeDefinition): FakeDefinition {
  return definition;
}

/** A seed that is not what the fake expects: the test file is wrong, not the scenario. */
export class FakeSeedError extends Error {
  constructor(fake: string, where: string, message: string) {
    super(`fakes.${fake}${where ? `.${where}` : ''}: ${message}`);
    this.name = 'FakeSeedError';
  }
}
