/** Switch — https://help.make.com/util (output key unverified: docs/fidelity.md, open question 17). */
import { boundedTest, type RegexSite } from '../../engine/expression/functions/regex-budget.ts';
import { defineModule } from '../../engine/registry/define-module.ts';

/** Names the Switch in a pattern's timeout error (regex-budget.ts; our wording). */
const SWITCH_SITE: RegexSite = { prefix: 'The Switch case pattern could not be evaluated.' };

interface Case {
  pattern?: unknown;
  output?: unknown;
}

function matches(input: string, pattern: unknown, regex: boolean): boolean {
  const text = pattern === undefined || pattern === null ? '' : String(pattern);
  if (!regex) return input === text;
  let compiled: RegExp;
  try {
    compiled = new RegExp(text);
  } catch {
    return false;
  }
  return boundedTest(compiled, input, SWITCH_SITE);
}

export const switcher = defineModule({
  key: 'util:Switcher',
  versions: [1],
  kind: 'action',
  label: 'Switch',
  description: 'Returns the output of the first case whose pattern matches the input, else the else output.',
  fidelity: 'partial',
  fidelityNotes:
    'docs/fidelity.md: the output key is assumed to be `output`; an empty else output gives no bundle.',
  mapper: [
    { name: 'input', type: 'text', description: 'The value to test.' },
    {
      name: 'useRegExpMatch',
      type: 'boolean',
      default: false,
      description: 'Patterns are regular expressions.',
    },
    { name: 'casesTable', type: 'array', description: '`[{ pattern, output }]`, tested in order.' },
    { name: 'elseOutput', type: 'any', description: 'Output when no case matches.' },
  ],
  outputFields: ['output'],
  output: '`{ output }`; no bundle when nothing matches and there is no else output',
  run: (call) => {
    const input = call.input.input === undefined || call.input.input === null ? '' : String(call.input.input);
    const regex = call.input.useRegExpMatch === true || call.input.useRegExpMatch === 'true';
    const cases = Array.isArray(call.input.casesTable) ? (call.input.casesTable as Case[]) : [];
    const hit = cases.find((c) => c && matches(input, c.pattern, regex));
    if (hit) return [{ output: hit.output }];
    const fallback = call.input.elseOutput;
    return fallback === undefined || fallback === null || fallback === '' ? [] : [{ output: fallback }];
  },
});
