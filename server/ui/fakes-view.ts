/**
 * A scenario's fakes as the run page shows them (docs/testing.md "Fakes in makesim serve"): each
 * fake with its collections (a sheet, a channel, a mailbox) and their records, long values cut as
 * the run detail cuts them (truncate.ts), credentials redacted.
 */
import { redactValue } from '../../modules/http/redact.ts';
import { truncateValue } from './truncate.ts';
import type { UiServices } from './views.ts';

export interface FakeView {
  name: string;
  /** Collection → its records (the fake's own snapshot shape). */
  state: Record<string, unknown>;
  /** Some text or list in `state` was cut. */
  truncated: boolean;
}

/** Undefined when there is no such scenario; `fakes` is empty when its config gives it none. */
export function scenarioFakes(services: UiServices, scenarioId: number) {
  const scenario = services.scenarios.get(scenarioId);
  if (!scenario) return undefined;
  const state = services.catalog.prepared(scenarioId)?.fakeState?.() ?? {};
  const fakes: FakeView[] = Object.entries(state).map(([name, collections]) => {
    const cut = truncateValue(collections);
    return { name, state: cut.value, truncated: cut.truncated };
  });
  return redactValue(
    { scenarioId, scenarioName: scenario.name, problem: services.catalog.problem(scenarioId) ?? null, fakes },
    services.settings.secrets,
  );
}
