/**
 * Text parser > Match pattern, the variant whose pattern is a mapped field
 * (`regexp:AdvancedParser` v1; Make's help: https://help.make.com/text-parser). Same matching and
 * output bundles as `regexp:Parser` (parser.ts); what differs is where the settings live, as in
 * real exports: the pattern and the text are in the `mapper` (so the pattern may come from an
 * earlier module), the options (`global`, `sensitive`, `multiline`, `singleline`,
 * `continueWhenNoRes`) in `parameters` beside the marker `advancedParser: true`.
 */
import { defineModule } from '../../engine/registry/define-module.ts';
import { MATCH_OPTIONS, matchPattern } from './parser.ts';

/** The pattern as mapped; an unmapped one falls back to `parameters.pattern`, then fails as empty. */
export function advancedSettings(
  parameters: Readonly<Record<string, unknown>>,
  input: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const mapped = input.pattern;
  const pattern = mapped === undefined || mapped === null || mapped === '' ? parameters.pattern : mapped;
  return { ...parameters, pattern };
}

export default defineModule({
  key: 'regexp:AdvancedParser',
  versions: [1],
  kind: 'action',
  label: 'Text parser > Match pattern (advanced)',
  description: 'Finds regular-expression matches in a text, with a mappable pattern; one bundle per match.',
  fidelity: 'partial',
  fidelityNotes:
    'Matching as regexp:Parser (JavaScript regex syntax, `i` 1-based, `__IMTMATCH__` for global parsers and group-less patterns). ' +
    'A mapped pattern is used as text, never as a formula.',
  parameters: MATCH_OPTIONS,
  mapper: [
    { name: 'pattern', type: 'text', required: true, description: 'Regular expression (may be mapped).' },
    { name: 'text', type: 'text', required: true, description: 'Text to search.' },
  ],
  output: 'One bundle per match: `$1`…, named groups, and (global) `i`, `__IMTMATCH__`.',
  run: (call) => matchPattern(advancedSettings(call.parameters, call.input), call.input.text),
});
