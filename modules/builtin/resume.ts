/** Directive `builtin:Resume` — see ./directive.ts for the Help Center pages. */
import { directive } from './directive.ts';

export const resumeDirective = directive(
  'Resume',
  'Continues downstream with the mapper as the failed module’s output.',
  {
    mapper: [
      {
        name: '(output fields)',
        type: 'any',
        description: 'The substitute output, keyed like the failed module’s output.',
      },
    ],
  },
);
