// Types of scripts/bundle-cli.mjs (plain JavaScript, run by `npm run build` without tsx), for
// its test.
export function withCompiledImportMetaUrl(source: string, file: string, root: string, outdir: string): string;
export function packageOf(specifier: string): string;
export function bundleCli(root: string): Promise<number>;
