import type { BlueprintProblem } from '../../../engine/errors/blueprint-error.ts';
import { defineModule, type ModuleDefinition } from '../../../engine/registry/define-module.ts';
import type { ModuleKind } from '../../../engine/registry/module-kind.ts';
import { ModuleRegistry } from '../../../engine/registry/registry.ts';

function fake(key: string, kind: ModuleKind, fidelity: 'full' | 'partial' = 'full'): ModuleDefinition {
  return defineModule({
    key,
    versions: [1],
    kind,
    label: key,
    description: 'test double',
    fidelity,
    output: '-',
  });
}

/** A registry of test doubles, independent of the real modules/ being written alongside. */
export const registry = new ModuleRegistry([
  fake('builtin:BasicFeeder', 'iterator'),
  fake('builtin:BasicAggregator', 'aggregator'),
  fake('builtin:BasicRouter', 'router'),
  fake('builtin:BasicIfElse', 'if-else'),
  fake('builtin:BasicMerge', 'merge'),
  fake('builtin:Ignore', 'directive'),
  fake('util:SetVariable2', 'action', 'partial'),
  fake('gateway:CustomWebHook', 'instant-trigger'),
]);

export type Raw = Record<string, unknown>;

export function mod(id: number, module: string, extra: Raw = {}): Raw {
  return {
    id,
    module,
    version: 1,
    parameters: {},
    mapper: {},
    metadata: { designer: { x: 0, y: 0 } },
    ...extra,
  };
}

export function blueprint(flow: Raw[], metadata: Raw = {}): Raw {
  return { name: 'Test', flow, metadata: { instant: false, version: 1, ...metadata } };
}

export function codes(problems: readonly BlueprintProblem[], severity?: 'error' | 'warning'): string[] {
  return problems.filter((p) => severity === undefined || p.severity === severity).map((p) => p.code);
}

export function find(problems: readonly BlueprintProblem[], code: string): BlueprintProblem | undefined {
  return problems.find((p) => p.code === code);
}
