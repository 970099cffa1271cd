/**
 * Test-setup errors: something a run needs from outside the scenario has no answer — an HTTP
 * request with no `http` stub (or a host the network policy blocks), a subscenario the run
 * cannot reach, a data store or connection the project config does not define. These are never
 * Make errors: in Make the call would have gone to the real service. No error route can handle
 * them (docs/testing.md "Setup errors"); the run ends with status error and `error.type`
 * `SetupError`, so a case can never pass because a Resume or Ignore swallowed a missing answer.
 */

/** Which port had no answer. */
export type SetupErrorCode =
  | 'unanswered-http'
  | 'network-blocked'
  | 'no-subscenarios'
  | 'unknown-subscenario'
  | 'no-data-stores'
  | 'unknown-data-store'
  | 'missing-connection'
  | 'unmatched-mock'
  | 'subscenario-setup'
  | 'unsupported-fake-input';

/** Record error types that mean "the test setup is incomplete", not "the scenario failed". */
export const SETUP_ERROR_TYPES: ReadonlySet<string> = new Set(['SetupError', 'MissingMock']);

export function isSetupErrorType(type: string | undefined): boolean {
  return type !== undefined && SETUP_ERROR_TYPES.has(type);
}

export interface ModuleIdentity {
  readonly id: number;
  readonly key: string;
  readonly label?: string | undefined;
}

export class SetupError extends Error {
  readonly type = 'SetupError' as const;
  readonly code: SetupErrorCode;
  readonly moduleId: number | undefined;
  /** What to add to the test file or config to answer the call (e.g. an `http` entry). */
  readonly details: Record<string, unknown>;

  constructor(
    code: SetupErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    moduleId?: number,
  ) {
    super(message);
    this.name = 'SetupError';
    this.code = code;
    this.details = { code, ...details };
    this.moduleId = moduleId;
  }

  /** The same error, its message opening with the module that made the call. */
  at(node: ModuleIdentity): SetupError {
    if (this.moduleId !== undefined) return this;
    const name = node.label ? ` "${node.label}"` : '';
    return new SetupError(
      this.code,
      `Module ${node.id}${name} (${node.key}): ${this.message}`,
      { ...this.details, moduleKey: node.key, ...(node.label ? { moduleName: node.label } : {}) },
      node.id,
    );
  }
}
