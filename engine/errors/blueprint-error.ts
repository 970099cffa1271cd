/** A problem found while loading a blueprint, located by a JSON pointer into the blueprint. */

export type ProblemSeverity = 'error' | 'warning';

export interface BlueprintProblem {
  severity: ProblemSeverity;
  /** Stable machine code, e.g. `schema`, `duplicate-id`, `template-syntax`, `unknown-operator`. */
  code: string;
  /** JSON pointer into the blueprint, e.g. `/flow/3/routes/1/flow/0/mapper/url`. */
  pointer: string;
  message: string;
  /** What would fix it, when we can say. */
  hint?: string;
  moduleId?: number;
}

/** Thrown when a blueprint cannot be loaded; carries every problem found, not just the first. */
export class BlueprintError extends Error {
  readonly problems: readonly BlueprintProblem[];

  constructor(problems: readonly BlueprintProblem[], source?: string) {
    const errors = problems.filter((p) => p.severity === 'error');
    const first = errors[0] ?? problems[0];
    const where = source ? `${source}: ` : '';
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super(`${where}${first ? `${first.pointer || '/'}: ${first.message}` : 'invalid blueprint'}${more}`);
    this.name = 'BlueprintError';
    this.problems = problems;
  }
}
