/** Router — https://help.make.com/router. The routing itself is engine/flow/router.ts. */
import { defineModule } from '../../engine/registry/define-module.ts';

export const basicRouter = defineModule({
  key: 'builtin:BasicRouter',
  versions: [1],
  kind: 'router',
  label: 'Router',
  description:
    'Sends each bundle to every route whose filter passes, in order; the fallback route only when none did.',
  fidelity: 'full',
  output: 'None of its own; each route receives the incoming bundle.',
});
