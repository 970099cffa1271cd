import { describe, expect, it } from 'vitest';
import type { MakeError } from '../../../../engine/errors/make-error.ts';
import { matchPattern, namedGroupNumbers } from '../../../../modules/regexp/parser.ts';

const base = {
  global: false,
  sensitive: true,
  multiline: false,
  singleline: false,
  continueWhenNoRes: false,
};

describe('regexp:Parser', () => {
  it('outputs the first match only when global is off', () => {
    expect(matchPattern({ ...base, pattern: 'SCORE:\\s*(\\d+)' }, 'SCORE: 7 SCORE: 9')).toEqual([
      { $1: '7' },
    ]);
  });

  it('outputs one bundle per match with i and __IMTMATCH__ when global is on', () => {
    expect(matchPattern({ ...base, global: true, pattern: '(\\w)=(\\d)' }, 'a=1 b=2')).toEqual([
      { $1: 'a', $2: '1', i: 1, __IMTMATCH__: 'a=1' },
      { $1: 'b', $2: '2', i: 2, __IMTMATCH__: 'b=2' },
    ]);
  });

  it('names named groups by their name, without a $n key', () => {
    expect(matchPattern({ ...base, pattern: '/d/(?<docId>[^/]+)/' }, 'https://x/d/ABC/edit')).toEqual([
      { docId: 'ABC' },
    ]);
  });

  it('numbers unnamed groups by their position among all groups', () => {
    expect(matchPattern({ ...base, pattern: '(?<k>\\w+):(\\d+)' }, 'a:1')).toEqual([{ k: 'a', $2: '1' }]);
  });

  it('gives the whole match as __IMTMATCH__ when the pattern has no groups', () => {
    expect(matchPattern({ ...base, pattern: '\\{[\\s\\S]*\\}' }, 'x {"a":1} y')).toEqual([
      { __IMTMATCH__: '{"a":1}' },
    ]);
  });

  it('ignores case when sensitive is off', () => {
    expect(matchPattern({ ...base, sensitive: false, pattern: 'TIER:\\s*(\\w+)' }, 'tier: gold')).toEqual([
      { $1: 'gold' },
    ]);
  });

  it('matches ^ at each line with multiline', () => {
    const text = 'a\nSCORE 5';
    expect(matchPattern({ ...base, pattern: '^SCORE (\\d)' }, text)).toEqual([]);
    expect(matchPattern({ ...base, multiline: true, pattern: '^SCORE (\\d)' }, text)).toEqual([{ $1: '5' }]);
  });

  it('lets . match newlines with singleline', () => {
    expect(matchPattern({ ...base, pattern: 'A(.+)B' }, 'A\nB')).toEqual([]);
    expect(matchPattern({ ...base, singleline: true, pattern: 'A(.+)B' }, 'A\nB')).toEqual([{ $1: '\n' }]);
  });

  it('outputs nothing when there is no match and continueWhenNoRes is off', () => {
    expect(matchPattern({ ...base, pattern: 'zzz' }, 'abc')).toEqual([]);
  });

  it('outputs one empty bundle when there is no match and continueWhenNoRes is on', () => {
    expect(matchPattern({ ...base, continueWhenNoRes: true, pattern: 'zzz' }, 'abc')).toEqual([{}]);
  });

  it('fails on an empty global match unless ignoreInfiniteLoopsWhenGlobal', () => {
    let caught: unknown;
    try {
      matchPattern({ ...base, global: true, pattern: 'x*' }, 'ab');
    } catch (error) {
      caught = error;
    }
    expect((caught as MakeError).details?.code).toBe('infinite-loop');
    expect(
      matchPattern({ ...base, global: true, ignoreInfiniteLoopsWhenGlobal: true, pattern: 'x*' }, 'axb'),
    ).toEqual([{ i: 1, __IMTMATCH__: 'x' }]);
  });

  it('fails with DataError on an invalid pattern', () => {
    let caught: unknown;
    try {
      matchPattern({ ...base, pattern: '(unclosed' }, 'x');
    } catch (error) {
      caught = error;
    }
    expect((caught as MakeError).type).toBe('DataError');
    expect((caught as MakeError).details?.code).toBe('invalid-pattern');
  });

  it('finds named group numbers, skipping escapes, classes and lookbehinds', () => {
    expect(namedGroupNumbers('(a)(?<x>b)\\((?:c)[(](?<=d)(?<y>e)')).toEqual([2, 3]);
  });
});
