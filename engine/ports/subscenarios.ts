/** Runs another scenario of the same project (scenario-service modules). */
export interface SubscenarioPort {
  /** Runs scenario `scenarioId` with `inputs` as `var.input.*`; resolves to its returned outputs. */
  call(scenarioId: number | string, inputs: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Starts it without waiting; resolves to its execution id. */
  start(scenarioId: number | string, inputs: Record<string, unknown>): Promise<string>;
}
