/**
 * Semantic versions for the `semver:*` filter operators (https://github.com/integromat/make-forman-schema;
 * docs/fidelity.md, Open question 20). Precedence per semver.org §11; a leading `v` and missing minor/patch
 * (`1.2` = `1.2.0`) are accepted; build metadata is ignored.
 */

export interface Semver {
  readonly core: readonly [number, number, number];
  readonly pre: readonly string[];
}

const SEMVER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

export function parseSemver(text: string): Semver | undefined {
  const m = SEMVER.exec(text.trim());
  if (m === null) return undefined;
  return {
    core: [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)],
    pre: m[4] === undefined ? [] : m[4].split('.'),
  };
}

/** Negative when a < b, 0 when equal, positive when a > b. */
export function compareSemver(a: Semver, b: Semver): number {
  for (let i = 0; i < 3; i++) {
    const d = (a.core[i] ?? 0) - (b.core[i] ?? 0);
    if (d !== 0) return d;
  }
  // A pre-release sorts before its release.
  if (a.pre.length === 0 || b.pre.length === 0) return b.pre.length - a.pre.length;
  for (let i = 0; i < Math.max(a.pre.length, b.pre.length); i++) {
    const d = comparePreId(a.pre[i], b.pre[i]);
    if (d !== 0) return d;
  }
  return 0;
}

function comparePreId(x: string | undefined, y: string | undefined): number {
  if (x === undefined) return -1;
  if (y === undefined) return 1;
  const xn = /^\d+$/.test(x);
  const yn = /^\d+$/.test(y);
  if (xn && yn) return Number(x) - Number(y);
  if (xn !== yn) return xn ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}
