// Part of `npm run build`: the `makesim` command (dist/cli/bin.js, package.json "bin") as an
// esbuild bundle, because Node's ESM loader spends about a millisecond of CPU per module file
// on resolving, reading and compiling it, and `makesim validate` reached some 180 of them
// (issue 14 §2, bench/cli.bench.ts). Each command stays in a chunk of its own, loaded by
// cli/commands/index.ts only when it runs; the packages in node_modules stay outside the bundle.
//
// The tsc output beside it is untouched: the library ("." and "./vitest" exports), worker
// entries and the precompiled schemas are the compiled files as before. Code that finds a file
// through `import.meta.url` (the run page assets, workers, plans.json, precompiled schemas)
// would look beside the chunk instead of beside its own compiled module, so in each source file
// `import.meta.url` becomes the URL of that file's compiled twin in dist/, and every such path
// resolves as it does unbundled. All chunks sit in dist/cli/, the folder that URL is made from.
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { build } from 'esbuild';

const OTHER_IMPORT_META = /import\.meta\.(?!url\b)\w+/;

/** esbuild plugin: `import.meta.url` in a source file → the URL of its compiled file in dist/. */
function compiledLocation(root, outdir) {
  return {
    name: 'compiled-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta')) return { contents: source, loader: 'ts' };
        const other = OTHER_IMPORT_META.exec(source);
        if (other) {
          throw new Error(`${args.path}: ${other[0]} has no meaning in the CLI bundle; use import.meta.url`);
        }
        const compiled = join(root, 'dist', relative(root, args.path)).replace(/\.ts$/, '.js');
        const fromBundle = relative(outdir, compiled).split(sep).join('/');
        const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/**
 * Packages bundled in: the ones every command loads. Importing the first CommonJS package from an
 * ES module starts Node's CommonJS export scanner (cjs-module-lexer), some 20 ms; commander and
 * picocolors bundled in need none. The rest stay in node_modules: better-sqlite3 has a native
 * addon, and the others load only for some commands or are required lazily.
 */
const BUNDLED_PACKAGES = new Set(['commander', 'picocolors', 'luxon']);

/** esbuild plugin: every package import stays external except those in `bundled`. */
function onlySomePackages(bundled) {
  return {
    name: 'only-some-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('node:')) return { path: args.path, external: true };
        const name = args.path.split('/').slice(0, args.path.startsWith('@') ? 2 : 1).join('/');
        return bundled.has(name) ? undefined : { path: args.path, external: true };
      });
    },
  };
}

/** Bundles cli/bin.ts into dist/cli/bin.js (and its chunks); returns the number of files written. */
export async function bundleCli(root) {
  const outdir = join(root, 'dist', 'cli');
  const result = await build({
    absWorkingDir: root,
    entryPoints: { bin: join(root, 'cli', 'bin.ts') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [compiledLocation(root, outdir), onlySomePackages(BUNDLED_PACKAGES)],
    // Bundled CommonJS (commander) requires Node's own modules; an ES module has no `require`.
    banner: { js: "import { createRequire as makesimCreateRequire } from 'node:module';\nconst require = makesimCreateRequire(import.meta.url);" },
    chunkNames: 'bin-[name]-[hash]',
    tsconfig: join(root, 'tsconfig.build.json'),
    logLevel: 'warning',
    metafile: true,
  });
  const written = Object.keys(result.metafile.outputs);
  if (!written.some((file) => dirname(join(root, file)) === outdir)) {
    throw new Error('bundle-cli: esbuild wrote nothing to dist/cli/');
  }
  return written.length;
}
