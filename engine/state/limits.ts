/**
 * Guardrails (DESIGN principle 7) and the engine's own stop reasons. These are not Make module
 * errors: no error route can handle them; they end the run with status "error".
 */

/** Guardrails (DESIGN principle 7); each failure names the limit and the option that raises it. */
export interface Limits {
  /** Operations per execution. Option `limits.maxOperations`, CLI `--max-operations`. */
  maxOperations: number;
  /** Bundles produced per execution. `limits.maxBundles`, `--max-bundles`. */
  maxBundles: number;
  /** Whole run, in ms of the run's clock (Make: 40 min). `limits.maxDurationMs`. */
  maxDurationMs: number;
  /** One module call, in ms (Make: 40 s for most modules). `limits.moduleTimeoutMs`. */
  moduleTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxOperations: 1_000_000,
  maxBundles: 5_000_000,
  maxDurationMs: 40 * 60_000,
  moduleTimeoutMs: 40_000,
};

/** makesim's own error types (beside Make's MakeErrorType) as they appear in the record. */
export type EngineErrorType = 'LimitExceeded' | 'MissingMock';

export class EngineStop extends Error {
  readonly type: EngineErrorType;
  readonly moduleId: number | undefined;
  readonly details: Record<string, unknown>;

  constructor(
    type: EngineErrorType,
    message: string,
    moduleId?: number,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = type;
    this.type = type;
    this.moduleId = moduleId;
    this.details = details;
  }
}

/** Where each limit is raised, for the message. */
const RAISE_WITH: Record<'maxOperations' | 'maxBundles', string> = {
  maxOperations: 'option limits.maxOperations (CLI --max-operations)',
  maxBundles: 'option limits.maxBundles',
};

export function limitExceeded(
  limit: 'maxOperations' | 'maxBundles',
  value: number,
  moduleId: number,
): EngineStop {
  const what = limit === 'maxOperations' ? 'operations' : 'bundles';
  return new EngineStop(
    'LimitExceeded',
    `The run reached the limit of ${value} ${what} (${limit}) at module ${moduleId}. ` +
      `Raise it with the ${RAISE_WITH[limit]} if this scenario really needs more.`,
    moduleId,
    { limit, value },
  );
}

/** Integer counters checked on every charge: no allocation per bundle. */
export class LimitCounters {
  operations = 0;
  bundles = 0;
  readonly #limits: Limits;

  constructor(limits: Limits) {
    this.#limits = limits;
  }

  get limits(): Limits {
    return this.#limits;
  }

  addOperations(n: number, moduleId: number): void {
    this.operations += n;
    if (this.operations > this.#limits.maxOperations) {
      throw limitExceeded('maxOperations', this.#limits.maxOperations, moduleId);
    }
  }

  addBundles(n: number, moduleId: number): void {
    this.bundles += n;
    if (this.bundles > this.#limits.maxBundles)
      throw limitExceeded('maxBundles', this.#limits.maxBundles, moduleId);
  }
}
