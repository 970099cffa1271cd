/**
 * `metadata.scenario` with Make's defaults (https://help.make.com/scenario-settings): Make's own pattern
 * files omit several keys and still import, so a missing key means its UI default.
 */
import type { ScenarioSettings } from './scenario.ts';

export const DEFAULT_SETTINGS: Readonly<ScenarioSettings> = {
  roundtrips: 1,
  maxErrors: 3,
  autoCommit: true,
  autoCommitTriggerLast: true,
  sequential: false,
  confidential: false,
  dataloss: false,
  dlq: false,
  freshVariables: false,
  slots: null,
};

/**
 * Real exports carry `roundtrips: 0` (corpus: 6302Mohamed project-02); Make's UI field starts at
 * 1 and every run does at least one cycle, so 0 is read as 1 (our choice; docs/fidelity.md).
 */
export const MIN_ROUNDTRIPS = 1;

export function readSettings(metadata: unknown): ScenarioSettings {
  const scenario = isRecord(metadata) && isRecord(metadata.scenario) ? metadata.scenario : {};
  const settings: ScenarioSettings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof ScenarioSettings)[]) {
    const value = scenario[key];
    if (value !== undefined && typeof value === typeof DEFAULT_SETTINGS[key])
      Object.assign(settings, { [key]: value });
  }
  if (typeof scenario.slots === 'number') settings.slots = scenario.slots;
  settings.roundtrips = Math.max(MIN_ROUNDTRIPS, settings.roundtrips);
  return settings;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
