/** Directive `builtin:ThrowWarning` — see ./directive.ts for the Help Center pages. */
import { directive } from './directive.ts';

export const throwWarningDirective = directive(
  'ThrowWarning',
  'Records a warning and lets the bundle continue.',
  {
    fidelity: 'partial',
    fidelityNotes: 'docs/fidelity.md: availability unconfirmed.',
    mapper: [{ name: 'message', type: 'text', description: 'Warning message.' }],
    output: 'Passes the incoming bundle on.',
  },
);
