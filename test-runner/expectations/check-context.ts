import type { Scenario } from '../../engine/blueprint/scenario.ts';
import type { ExecutionRecord } from '../../engine/runtime/record.ts';
import type { Expectations, Failure } from '../types.ts';

/** A request an HTTP module sent to an HTTP mock. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** What every expectation checker may look at after a case ran. */
export interface CheckContext {
  readonly expect: Expectations;
  readonly record: ExecutionRecord;
  readonly scenario: Scenario;
  readonly httpRequests: readonly SentRequest[];
  /** Records of one store after the run, by key; undefined when the store does not exist. */
  readonly storeContents: (store: string) => Record<string, Record<string, unknown>> | undefined;
  /** State of the case's fakes after the run, by fake name. */
  readonly fakeContents?: () => Record<string, Record<string, unknown>>;
}

export type Checker = (ctx: CheckContext) => Failure[] | Promise<Failure[]>;

export function moduleRef(ctx: Pick<CheckContext, 'scenario'>, id: number): { id: number; label?: string } {
  const label = ctx.scenario.byId.get(id)?.label;
  return label === undefined ? { id } : { id, label };
}
