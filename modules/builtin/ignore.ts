/** Directive `builtin:Ignore` — see ./directive.ts for the Help Center pages. */
import { directive } from './directive.ts';

export const ignoreDirective = directive('Ignore', 'Drops the failed bundle; the run stays successful.');
