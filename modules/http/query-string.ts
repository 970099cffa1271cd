/**
 * The v3 module's "Query String" rows onto the URL. Make's v3 module is built on the `request`
 * library: repeated names are serialized as `a[0]=1&a[1]=2` (the `qs` package) unless
 * `useQuerystring` ("Disable serialization of multiple same query string keys as arrays") is on,
 * which sends `a=1&a=2` (https://apps.make.com/http, field label in metadata.expect).
 */

export function appendQuery(url: URL, rows: Array<[string, string]>, useQuerystring: boolean): void {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of rows) grouped.set(name, [...(grouped.get(name) ?? []), value]);
  for (const [name, values] of grouped) {
    if (values.length === 1 || useQuerystring) {
      for (const value of values) url.searchParams.append(name, value);
    } else {
      values.forEach((value, i) => {
        url.searchParams.append(`${name}[${i}]`, value);
      });
    }
  }
}
