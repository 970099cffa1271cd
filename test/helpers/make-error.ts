/** Catching the MakeError a synchronous call throws, for assertions on its type, code and details. */
import { MakeError } from '../../engine/errors/make-error.ts';

/** The MakeError `run` throws; anything else thrown is rethrown, and no throw at all fails. */
export function makeErrorOf(run: () => unknown): MakeError {
  try {
    run();
  } catch (error) {
    if (error instanceof MakeError) return error;
    throw error;
  }
  throw new Error('expected a MakeError');
}
