import type { MakeErrorType } from '../errors/make-error.ts';
import type { Bundle } from './define-module.ts';

/**
 * Mocks for app modules (DESIGN.md "Mocks"): keyed by module id ("4") or module key
 * ("slack:CreateMessage"); id wins. One response for every call, an array by call order, a list
 * of `when` responses chosen by the module's mapped input, or (library API) a function.
 */
export type MockAnswer =
  | { output: Bundle | Bundle[] }
  | { error: { type: MakeErrorType | string; message?: string } };

/**
 * `when`: a deep-partial object matched against the module's mapped input, or a jsonata
 * expression over it (true answers). A response without `when` answers any call.
 */
export type MockResponse = MockAnswer & { when?: Record<string, unknown> | string };

/** What a function mock learns about the call it answers. */
export interface MockCall {
  /** 1-based count of this module's calls in the run, this one included. */
  readonly n: number;
  readonly moduleId: number;
  readonly key: string;
  readonly label: string | undefined;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The raw blueprint module (its `metadata.interface`, …). */
  readonly raw: Readonly<Record<string, unknown>>;
  /** 1-based cycle number. */
  readonly cycle: number;
}

/** Library API: answers each call from its mapped input. */
export type MockFunction = (
  input: Record<string, unknown>,
  call: MockCall,
) => MockAnswer | Promise<MockAnswer>;

export type MockEntry = MockResponse | MockResponse[] | MockFunction;

export type Mocks = Record<string, MockEntry>;
