import { checkCostExpectations } from '../../cost/expectations.ts';
import type { Failure } from '../types.ts';
import { checkAssertions } from './assertions.ts';
import type { CheckContext, Checker } from './check-context.ts';
import { checkFakes } from './fakes.ts';
import { checkModules } from './modules.ts';
import { checkDataStores, checkHttpRequests, checkIncomplete, checkResponse } from './outcomes.ts';
import { checkRunLevel } from './run-level.ts';
import { setupFailure } from './setup.ts';

/** Every expectation checker, in the order failures are reported. */
const checkers: readonly Checker[] = [
  checkRunLevel,
  checkCostExpectations,
  checkModules,
  checkResponse,
  checkIncomplete,
  checkDataStores,
  checkFakes,
  checkHttpRequests,
  checkAssertions,
];

export async function checkAll(ctx: CheckContext): Promise<Failure[]> {
  const setup = setupFailure(ctx);
  if (setup) return [setup];
  const failures: Failure[] = [];
  for (const check of checkers) failures.push(...(await check(ctx)));
  return failures;
}
