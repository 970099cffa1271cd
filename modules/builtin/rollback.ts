/** Directive `builtin:Rollback` — see ./directive.ts for the Help Center pages. */
import { directive } from './directive.ts';

export const rollbackDirective = directive(
  'Rollback',
  'Rolls back the transactions and stops the run (error).',
);
