/**
 * Text parser > Replace (`regexp:Replace` v1), https://help.make.com/regexp: replaces the first match (all
 * with `global`) of `pattern` in `text` by `value`; `$1`, `$<name>` and `$&` refer to the match.
 * Output `{ text }` (corpus: `{{N.text}}`). All options are mapper fields in real exports.
 */

import { boundedReplace } from '../../engine/expression/functions/regex-budget.ts';
import { defineModule } from '../../engine/registry/define-module.ts';
import { buildRegExp, optionsFrom, TEXT_PARSER_SITE, textOf } from './build-regexp.ts';

export function replaceText(input: Record<string, unknown>): string {
  const options = optionsFrom(input);
  const regexp = buildRegExp(input.pattern, options);
  const text = textOf(input.text);
  const value = textOf(input.value);
  const once = options.global ? regexp : new RegExp(regexp.source, regexp.flags.replace('g', ''));
  return boundedReplace(text, once, value, TEXT_PARSER_SITE);
}

export default defineModule({
  key: 'regexp:Replace',
  versions: [1],
  kind: 'action',
  label: 'Text parser > Replace',
  description: 'Replaces regular-expression matches in a text.',
  fidelity: 'full',
  mapper: [
    { name: 'pattern', type: 'text', required: true, description: 'Regular expression.' },
    { name: 'value', type: 'text', description: 'Replacement; $1, $<name>, $& refer to the match.' },
    { name: 'text', type: 'text', description: 'Text to search.' },
    { name: 'global', type: 'boolean', default: false, description: 'Replace all matches.' },
    { name: 'sensitive', type: 'boolean', default: true, description: 'Case sensitive.' },
    { name: 'multiline', type: 'boolean', default: false, description: '^ and $ match at line breaks.' },
    { name: 'singleline', type: 'boolean', default: false, description: '. matches newlines.' },
  ],
  outputFields: ['text'],
  output: '`{ text }`.',
  run: (call) => [{ text: replaceText(call.input) }],
});
