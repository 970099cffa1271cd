/** Directive `builtin:Commit` — see ./directive.ts for the Help Center pages. */
import { directive } from './directive.ts';

export const commitDirective = directive('Commit', 'Commits the transactions and stops the run (success).');
