/**
 * The module ids a compiled template, value or filter reads, ascending. Most read a handful, and
 * Array.prototype.sort allocates a work array of its own even for two: loading a 20,000-module
 * blueprint spent 28 MB of garbage on it (issue 15 §2). A few ids are sorted by insertion, in place.
 */
const INSERTION_MAX = 16;

export function sortedIds(ids: ReadonlySet<number>): number[] {
  const list = [...ids];
  if (list.length > INSERTION_MAX) return list.sort((a, b) => a - b);
  for (let i = 1; i < list.length; i++) {
    const id = list[i] as number;
    let j = i - 1;
    for (; j >= 0 && (list[j] as number) > id; j--) list[j + 1] = list[j] as number;
    list[j + 1] = id;
  }
  return list;
}
