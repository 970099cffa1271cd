/**
 * Checks a built-in module's own rules at load time: the blueprint's module version against
 * the versions we implement, and the definition's `validate` (engine/registry/define-module.ts).
 */
import type { DraftNode } from './build.ts';
import type { ProblemList } from './problems.ts';

export function checkDefinition(node: DraftNode, problems: ProblemList): void {
  const definition = node.definition;
  if (!definition) return;
  if (!definition.versions.includes(node.version)) {
    problems.warning({
      code: 'unknown-version',
      pointer: `${node.pointer}/version`,
      message: `${node.key} version ${node.version} is not modelled; it runs as version ${definition.versions.join('/')}`,
      hint: 'check the outputs of this module against a real run in Make',
      moduleId: node.id,
    });
  }
  for (const found of safeValidate(node)) {
    problems.error({
      code: 'module-config',
      pointer: `${node.pointer}${found.pointer.startsWith('/') ? '' : '/'}${found.pointer}`,
      message: `${node.key} (module ${node.id}): ${found.message}`,
      hint: found.hint ?? 'set this field on the module in Make and export again',
      moduleId: node.id,
    });
  }
}

/** A module's validate must not be able to crash loading (the brief: never another exception). */
function safeValidate(node: DraftNode): Array<{ pointer: string; message: string; hint?: string }> {
  try {
    return node.definition?.validate?.(node) ?? [];
  } catch (error) {
    return [
      {
        pointer: '',
        message: `its load-time check failed: ${error instanceof Error ? error.message : String(error)}`,
      },
    ];
  }
}
