/** Directive `builtin:Break` — see ./directive.ts for the Help Center pages. */
import { directive } from './directive.ts';

export const breakDirective = directive(
  'Break',
  'Stores the failed bundle as an incomplete execution (status warning).',
  {
    mapper: [
      { name: 'retry', type: 'boolean', default: false, description: 'Retry automatically.' },
      { name: 'count', type: 'number', default: 3, description: 'Number of attempts (1–10,000).' },
      { name: 'interval', type: 'number', default: 15, description: 'Minutes between attempts (1–44,640).' },
    ],
  },
);
