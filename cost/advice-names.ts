/** How a module is named in cost reports and advice: `Label [id]`, or its key when unlabelled. */
import type { ModuleEstimate } from './module-estimate.ts';

export function name(m: Pick<ModuleEstimate, 'id' | 'label' | 'key'> | undefined): string {
  if (!m) return '?';
  return `${m.label ?? m.key} [${m.id}]`;
}
