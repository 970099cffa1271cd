/**
 * Error-handler directives — https://help.make.com/overview-of-error-handling and the
 * ignore/resume/break/commit/rollback-error-handler pages; Make's help: https://help.make.com/throw,
 * https://help.make.com/quick-error-handling-reference. Their effect is
 * decided in engine/flow/error-handler.ts; this helper only gives them their kind and docs;
 * each directive has its own file.
 */
import { defineModule, type ModuleDefinition } from '../../engine/registry/define-module.ts';

export function directive(
  name: string,
  description: string,
  extra: Partial<ModuleDefinition> = {},
): ModuleDefinition {
  return defineModule({
    key: `builtin:${name}`,
    versions: [1],
    kind: 'directive',
    label: name,
    description,
    fidelity: 'full',
    output: 'None; ends the error route.',
    ...extra,
  });
}
