// Part of `npm run build`: the `makesim` command (dist/cli/bin.js, package.json "bin") as an
// esbuild bundle, because Node's ESM loader spends about a millisecond of CPU per module file
// on resolving, reading and compiling it, and `makesim validate` reached some 180 of them
// (issue 14 §2, bench/cli.bench.ts). Each command stays in a chunk of its own, loaded by
// cli/commands/index.ts only when it runs.
//
// The tsc output beside it is untouched: the library ("." and "./vitest" exports), worker
// entries and the precompiled schemas are the compiled files as before. Code that finds a file
// through `import.meta.url` (the run page assets, workers, plans.json, precompiled schemas)
// would look beside the chunk instead of beside its own compiled module, so in each source file
// `import.meta.url` becomes the URL of that file's compiled twin in dist/, and every such path
// resolves as it does unbundled. All chunks sit in dist/cli/, the folder that URL is made from.
import { chmod, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { build } from 'esbuild';

/**
 * Packages bundled in: the ones every command loads. Importing the first CommonJS package from an
 * ES module starts Node's CommonJS export scanner (cjs-module-lexer), some 20 ms; commander and
 * picocolors bundled in need none. The rest stay in node_modules: better-sqlite3 has a native
 * addon, and the others load only for some commands or are required lazily (luxon, undici, …).
 */
const BUNDLED_PACKAGES = new Set(['commander', 'picocolors']);

/** Bundled CommonJS (commander) requires Node's own modules, and an ES module has no `require`. */
const REQUIRE_BANNER =
  "import { createRequire as makesimCreateRequire } from 'node:module';\n" +
  'const require = makesimCreateRequire(import.meta.url);';

const OTHER_IMPORT_META = /import\.meta\.(?!url\b)\w+/;

/**
 * `source` (the file `file` below `root`) with `import.meta.url` replaced by the URL of the file
 * tsc compiles it to, written relative to `outdir`, the folder of the bundle's chunks.
 */
export function withCompiledImportMetaUrl(source, file, root, outdir) {
  if (!source.includes('import.meta')) return source;
  const other = OTHER_IMPORT_META.exec(source);
  if (other) throw new Error(`${file}: ${other[0]} has no meaning in the CLI bundle; use import.meta.url`);
  const compiled = join(root, 'dist', relative(root, file)).replace(/\.ts$/, '.js');
  const fromBundle = relative(outdir, compiled).split(sep).join('/');
  return source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`);
}

/** The package an import specifier names: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export function packageOf(specifier) {
  return specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');
}

/** esbuild plugin: the project's own TypeScript, with `withCompiledImportMetaUrl`. */
function compiledImportMetaUrl(root, outdir) {
  return {
    name: 'compiled-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        return { contents: withCompiledImportMetaUrl(source, args.path, root, outdir), loader: 'ts' };
      });
    },
  };
}

/** esbuild plugin: every package import stays external except those in BUNDLED_PACKAGES. */
const onlyBundledPackages = {
  name: 'only-bundled-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { path: args.path, external: true };
      return BUNDLED_PACKAGES.has(packageOf(args.path)) ? undefined : { path: args.path, external: true };
    });
  },
};

/**
 * Bundles cli/bin.ts into dist/cli/bin.js and the test worker into dist/cli/case-worker.js (and
 * their shared chunks); returns the number of files written.
 */
export async function bundleCli(root) {
  const outdir = join(root, 'dist', 'cli');
  const result = await build({
    absWorkingDir: root,
    // The test worker thread (test-runner/worker-entry.mjs) starts from the same chunks: each
    // thread of `makesim test --workers N` pays the module loading again (bench/test-workers.bench.ts).
    entryPoints: {
      bin: join(root, 'cli', 'bin.ts'),
      'case-worker': join(root, 'test-runner', 'case-worker.ts'),
    },
    outdir,
    bundle: true,
    splitting: true,
    chunkNames: 'bin-[name]-[hash]',
    format: 'esm',
    platform: 'node',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.build.json'),
    plugins: [compiledImportMetaUrl(root, outdir), onlyBundledPackages],
    banner: { js: REQUIRE_BANNER },
    logLevel: 'warning',
    metafile: true,
  });
  const written = Object.keys(result.metafile.outputs);
  if (!written.some((file) => dirname(join(root, file)) === outdir)) {
    throw new Error('bundle-cli: esbuild wrote nothing to dist/cli/');
  }
  // The package's "bin": executable, so `npx makesim` also runs in a checkout set up by `npm ci`
  // (which, unlike `npm install`, leaves the root package's own bin as the build wrote it).
  await chmod(join(outdir, 'bin.js'), 0o755);
  return written.length;
}
