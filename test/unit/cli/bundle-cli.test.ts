/**
 * scripts/bundle-cli.mjs, the build step that bundles the `makesim` command: code inside the
 * bundle must still find the files it locates through `import.meta.url` (run page assets,
 * worker entries, precompiled schemas), and only the chosen packages are bundled in. The packed
 * package test (scripts/test-package.mjs) runs the real bundle.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageOf, withCompiledImportMetaUrl } from '../../../scripts/bundle-cli.mjs';

const root = path.join(path.sep, 'repo');
const outdir = path.join(root, 'dist', 'cli');
const at = (file: string) => path.join(root, ...file.split('/'));

describe('withCompiledImportMetaUrl', () => {
  it('points import.meta.url at the compiled twin of the source file, from the bundle folder', () => {
    const source = "const asset = new URL('./assets/page.html', import.meta.url);";
    expect(withCompiledImportMetaUrl(source, at('server/ui/routes.ts'), root, outdir)).toBe(
      'const asset = new URL(\'./assets/page.html\', new URL("../server/ui/routes.js", import.meta.url).href);',
    );
  });

  it('resolves to the same file as the unbundled module would', () => {
    const rewritten = withCompiledImportMetaUrl(
      'import.meta.url',
      at('engine/json-schema/validator.ts'),
      root,
      outdir,
    );
    const twin = /new URL\("([^"]+)"/.exec(rewritten)![1]!;
    const chunk = new URL(`file://${outdir}/bin-chunk-X.js`);
    const precompiled = new URL('./precompiled/k.cjs', new URL(twin, chunk));
    expect(precompiled.pathname).toBe(`${root}/dist/engine/json-schema/precompiled/k.cjs`);
  });

  it('replaces every occurrence and leaves files without import.meta alone', () => {
    const two = 'a(import.meta.url); b(import.meta.url);';
    expect(withCompiledImportMetaUrl(two, at('cli/main.ts'), root, outdir).match(/"main\.js"/g)).toHaveLength(
      2,
    );
    const plain = "import { x } from './x.ts';";
    expect(withCompiledImportMetaUrl(plain, at('cli/main.ts'), root, outdir)).toBe(plain);
  });

  it('refuses other import.meta properties, which would name the bundle instead of the file', () => {
    expect(() =>
      withCompiledImportMetaUrl('const here = import.meta.dirname;', at('cost/plans.ts'), root, outdir),
    ).toThrow(/import\.meta\.dirname/);
  });
});

describe('packageOf', () => {
  it('names the package of a bare or scoped specifier with a subpath', () => {
    expect(packageOf('luxon')).toBe('luxon');
    expect(packageOf('ajv/dist/standalone')).toBe('ajv');
    expect(packageOf('@makehq/sdk/dist/x.js')).toBe('@makehq/sdk');
  });
});

describe('the built command', () => {
  it('is executable, so `npx makesim` runs in a checkout set up by `npm ci` as well', () => {
    // npm ci runs the build (prepare) but, unlike npm install, does not mark the root's bin executable.
    const bin = path.resolve(import.meta.dirname, '../../../dist/cli/bin.js');
    expect(statSync(bin).mode & 0o111).toBe(0o111);
  });
});
