/** Directive `builtin:ThrowError` — see ./directive.ts for the Help Center pages. */
import { directive } from './directive.ts';

export const throwErrorDirective = directive('ThrowError', 'Ends the run with an error carrying `message`.', {
  fidelity: 'partial',
  fidelityNotes: 'docs/fidelity.md: availability unconfirmed; the error type is RuntimeError.',
  mapper: [{ name: 'message', type: 'text', description: 'Error message.' }],
});
