/**
 * A run that stopped on a setup error (an unanswered HTTP request, a missing mock, a data store or
 * connection the config lacks) fails its case whatever the case expects: its outcome says nothing
 * about the scenario (docs/testing.md "Setup errors"). Its other expectations are not checked.
 * The one exception is a case that names the setup error in `expect.error`: it tests the setup.
 */
import { isSetupErrorType } from '../../engine/errors/setup-error.ts';
import type { Failure } from '../types.ts';
import { type CheckContext, moduleRef } from './check-context.ts';

export function setupFailure(ctx: Pick<CheckContext, 'record' | 'scenario' | 'expect'>): Failure | undefined {
  const error = ctx.record.error;
  if (!error || !isSetupErrorType(error.type) || ctx.expect.error === error.type) return undefined;
  const failure: Failure = {
    path: 'setup',
    message: `the case stopped on a setup error (${error.type}), not a scenario error: ${error.message}`,
  };
  if (error.moduleId !== undefined) failure.module = moduleRef(ctx, error.moduleId);
  return failure;
}
