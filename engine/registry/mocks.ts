import type { MakeErrorType } from '../errors/make-error.ts';
import type { Bundle } from './define-module.ts';

/**
 * Mocks for app modules (DESIGN.md "Mocks"): keyed by module id ("4") or module key
 * ("slack:CreateMessage"); id wins. One response for every call, or an array by call order.
 */
export type MockResponse =
  | { output: Bundle | Bundle[] }
  | { error: { type: MakeErrorType; message: string } };

export type Mocks = Record<string, MockResponse | MockResponse[]>;
