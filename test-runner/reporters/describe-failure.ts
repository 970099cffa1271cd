import { show } from '../match.ts';
import type { Failure } from '../types.ts';

/** One failure as a line a no-code builder can act on: which module, where in the bundle, what differs. */
export function describeFailure(failure: Failure): string {
  const module = failure.module
    ? `module ${failure.module.id}${failure.module.label ? ` "${failure.module.label}"` : ''} › `
    : '';
  const detail =
    failure.message === 'missing' ? `missing (expected ${show(failure.expected)})` : failure.message;
  const why = (failure.explanation ?? []).map((line) => `\n      why: ${line}`).join('');
  return `${module}${failure.path}: ${detail}${why}`;
}
