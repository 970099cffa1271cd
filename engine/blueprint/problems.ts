/**
 * The loader's problem codes (stable: tests, `makesim validate --json` and users match on them)
 * and the small collector every loading step writes into.
 */
import type { BlueprintProblem, ProblemSeverity } from '../errors/blueprint-error.ts';

export type ProblemCode =
  | 'json-syntax'
  | 'schema'
  | 'duplicate-id'
  | 'template-syntax'
  | 'unknown-function'
  | 'function-arity'
  | 'unknown-operator'
  | 'reference-missing'
  | 'reference-not-upstream'
  | 'reference-unknown-field'
  | 'unknown-module'
  | 'misplaced-routes'
  | 'too-deep'
  | 'aggregator-feeder'
  | 'merge-position'
  | 'unknown-version'
  | 'module-config'
  | 'placeholder'
  | 'internal';

export interface NewProblem {
  code: ProblemCode;
  pointer: string;
  message: string;
  hint?: string;
  moduleId?: number;
}

export class ProblemList {
  readonly items: BlueprintProblem[] = [];

  error(problem: NewProblem): void {
    this.add('error', problem);
  }

  warning(problem: NewProblem): void {
    this.add('warning', problem);
  }

  addAll(problems: readonly BlueprintProblem[]): void {
    this.items.push(...problems);
  }

  hasErrors(): boolean {
    return this.items.some((p) => p.severity === 'error');
  }

  private add(severity: ProblemSeverity, problem: NewProblem): void {
    const entry: BlueprintProblem = {
      severity,
      code: problem.code,
      pointer: problem.pointer,
      message: problem.message,
    };
    if (problem.hint !== undefined) entry.hint = problem.hint;
    if (problem.moduleId !== undefined) entry.moduleId = problem.moduleId;
    this.items.push(entry);
  }
}
