/**
 * Text functions, called through the catalogue as the evaluator does. Expected values come from
 * Make's help: https://help.make.com/text-and-binary-functions (where its examples are garbled, the
 * value Make's rule gives) or from the reasoning in each test's name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARRAY_TEXT_SEPARATOR } from '../../../../engine/expression/coerce.ts';
import { functions } from '../../../../engine/expression/functions/index.ts';
import {
  declaresNamedGroup,
  splitRegexString,
} from '../../../../engine/expression/functions/regex-string.ts';
import { callerFor, dataErrorThrower, functionContext } from './helpers.ts';

const call = callerFor(functions, functionContext({ now: new Date('2026-01-01T00:00:00.000Z') }));
const dataErrorOf = dataErrorThrower(call);

describe('lower / upper / capitalize / startcase / trim', () => {
  it('converts case as documented', () => {
    expect(call('lower', 'Hello')).toBe('hello');
    expect(call('upper', 'Hello')).toBe('HELLO');
  });
  it('capitalizes only the first character and leaves the rest unchanged', () => {
    expect(call('capitalize', 'make')).toBe('Make');
    expect(call('capitalize', 'mAKE it')).toBe('MAKE it');
    expect(call('capitalize', 'éclair')).toBe('Éclair');
    expect(call('capitalize', '')).toBe('');
  });
  it('startcase upper-cases word starts and lower-cases everything else', () => {
    expect(call('startcase', 'hello WORLD')).toBe('Hello World');
    expect(call('startcase', 'JEAN-LUC picard')).toBe('Jean-Luc Picard');
    expect(call('startcase', '3rd place')).toBe('3rd Place');
  });
  it('trim removes leading and trailing whitespace only', () => {
    expect(call('trim', '  a b \n\t')).toBe('a b');
  });
  it('renders missing and non-text arguments as text first (https://help.make.com/type-coercion)', () => {
    expect(call('upper', undefined)).toBe('');
    expect(call('upper', null)).toBe('');
    expect(call('upper', true)).toBe('TRUE');
    expect(call('lower', 12.5)).toBe('12.5');
    expect(call('upper', { a: 'b' })).toBe('{"A":"B"}');
  });
  it('renders arrays as text the way a text field does (https://help.make.com/type-coercion text expected)', () => {
    expect(call('upper', ['a', 'b'])).toBe(['A', 'B'].join(ARRAY_TEXT_SEPARATOR));
    expect(call('lower', [['X'], 'Y'])).toBe(['x', 'y'].join(ARRAY_TEXT_SEPARATOR));
  });
  it('renders a date argument as ISO 8601 text', () => {
    expect(call('substring', new Date('2016-12-28T16:03:06.000Z'), 0, 10)).toBe('2016-12-28');
  });
});

describe('ascii', () => {
  it('drops non-ASCII characters', () => {
    expect(call('ascii', 'ěMščařžkýáeíé')).toBe('Make');
    expect(call('ascii', 'Wěošrčkřfžrýoáníté')).toBe('Workfront');
  });
  it('transliterates accents first when removeDiacritics is true', () => {
    expect(call('ascii', 'ěščřž', true)).toBe('escrz');
    expect(call('ascii', 'Łódź Straße Ørsted', true)).toBe('Lodz Strasse Orsted');
  });
  it('treats the text "false" as not removing diacritics (boolean coercion https://help.make.com/type-coercion)', () => {
    expect(call('ascii', 'ěa', 'false')).toBe('a');
  });
});

describe('substring / indexOf', () => {
  it('uses 0-based positions with an exclusive end', () => {
    expect(call('substring', 'Hello', 0, 3)).toBe('Hel');
    expect(call('substring', 'Hello', 1, 3)).toBe('el');
  });
  it('follows JavaScript substring for swapped, negative and missing bounds', () => {
    expect(call('substring', 'Hello', 3, 1)).toBe('el');
    expect(call('substring', 'Hello', -2, 2)).toBe('He');
    expect(call('substring', 'Hello', 2)).toBe('llo');
    expect(call('substring', 'Hello', '1', '3')).toBe('el');
  });
  it('rejects a position that is not a number', () => {
    expect(dataErrorOf('substring', 'Hello', 'one', 3).details?.argument).toBe(2);
  });
  it('finds the 0-based position or -1', () => {
    expect(call('indexOf', 'Make', 'k')).toBe(2);
    expect(call('indexOf', 'We love Make', 'x')).toBe(-1);
    expect(call('indexOf', 'We love Make', 'e', 7)).toBe(11);
    expect(call('indexOf', 'Workfront', 'o', 3)).toBe(6);
  });
});

describe('split', () => {
  it('splits on a literal separator and keeps spaces', () => {
    expect(call('split', 'John, George, Paul', ',')).toEqual(['John', ' George', ' Paul']);
  });
  it('does not treat the separator as a regex', () => {
    expect(call('split', 'a.b.c', '.')).toEqual(['a', 'b', 'c']);
    expect(call('split', 'a|b', '|')).toEqual(['a', 'b']);
  });
  it('keeps empty parts, as JavaScript split does', () => {
    expect(call('split', 'a,,b,', ',')).toEqual(['a', '', 'b', '']);
  });
  it('returns the whole text when the separator reference is missing', () => {
    expect(call('split', 'a,b', undefined)).toEqual(['a,b']);
  });
});

describe('replace', () => {
  it('replaces literal text', () => {
    expect(call('replace', 'Hello World', 'Hello', 'Hi')).toBe('Hi World');
  });
  it('replaces every occurrence of literal text', () => {
    expect(call('replace', 'a b c', ' ', '_')).toBe('a_b_c');
  });
  it('does not read regex metacharacters in literal text', () => {
    expect(call('replace', '1+1=2', '+', ' plus ')).toBe('1 plus 1=2');
  });
  it('uses /pattern/flags as a JavaScript regex', () => {
    expect(call('replace', 'All these numbers 187 23 1 9565 will be replaced with X', '/\\d+/g', 'X')).toBe(
      'All these numbers X X X X will be replaced with X',
    );
    expect(call('replace', 'HeLLo', '/l/gi', 'x')).toBe('Hexxo');
  });
  it('replaces only the first match without the g flag', () => {
    expect(call('replace', 'a1 b2', '/\\d/', '#')).toBe('a# b2');
  });
  it('supports $& and numbered groups in the replacement', () => {
    expect(call('replace', 'Phone number is 777111222', '/\\d+/g', '+420$&')).toBe(
      'Phone number is +420777111222',
    );
    expect(call('replace', 'Phone number is 777111222', '/ is (\\d)/', ': +420$1')).toBe(
      'Phone number: +420777111222',
    );
    expect(call('replace', 'John Smith', '/(\\w+) (\\w+)/', '$2, $1')).toBe('Smith, John');
  });
  it('rejects a regex with a named capture group, as Make documents', () => {
    const error = dataErrorOf('replace', 'Phone number is 777111222', '/ is (?<number>\\d+)/', '$<number>');
    expect(error.details?.argument).toBe(2);
  });
  it('accepts lookbehinds, which are not named groups', () => {
    expect(call('replace', 'USD100 EUR5', '/(?<=USD)\\d+/g', 'N')).toBe('USDN EUR5');
  });
  it('rejects an invalid regex', () => {
    expect(dataErrorOf('replace', 'a(b', '/(/', 'x').details?.argument).toBe(2);
  });
  it('reads slash-delimited text with non-flag letters as literal text', () => {
    expect(call('replace', 'cd /usr/local now', '/usr/local', '~')).toBe('cd ~ now');
  });
  it('deletes matches when the replacement is empty or missing', () => {
    expect(call('replace', 'a-b-c', '-', '')).toBe('abc');
    expect(call('replace', 'a-b-c', '-', undefined)).toBe('abc');
  });
  it('leaves the text unchanged for an empty search', () => {
    expect(call('replace', 'abc', '', 'x')).toBe('abc');
  });
  it('renders numbers as text before replacing', () => {
    expect(call('replace', 123, 2, 9)).toBe('193');
  });
});

describe('regex strings', () => {
  it('splits pattern and flags', () => {
    expect(splitRegexString('/a\\/b/gi')).toEqual({ pattern: 'a\\/b', flags: 'gi' });
    expect(splitRegexString('plain')).toBeUndefined();
    expect(splitRegexString('//')).toBeUndefined();
  });
  it('finds named groups outside character classes and escapes only', () => {
    expect(declaresNamedGroup('(?<year>\\d{4})')).toBe(true);
    expect(declaresNamedGroup('(?<!x)(?<=y)')).toBe(false);
    expect(declaresNamedGroup('\\(?<x>')).toBe(false);
    expect(declaresNamedGroup('[(?<x>]')).toBe(false);
  });
});

describe('escaping and markup', () => {
  it('escapes HTML', () => {
    expect(call('escapeHTML', '<b>Hello</b>')).toBe('&lt;b&gt;Hello&lt;/b&gt;');
    expect(call('escapeHTML', 'Tom & "Jerry" \'s')).toBe('Tom &amp; &quot;Jerry&quot; &#39;s');
  });
  it('escapes Markdown with numeric entities', () => {
    expect(call('escapeMarkdown', '# Header')).toBe('&#35; Header');
    expect(call('escapeMarkdown', '*bold* _it_')).toBe('&#42;bold&#42; &#95;it&#95;');
  });
  it('escapes text for the inside of a JSON string', () => {
    expect(call('escapeJSON', 'say "hi"\n\\ end')).toBe('say \\"hi\\"\\n\\\\ end');
    expect(call('escapeJSON', 'tab\there')).toBe('tab\\there');
  });
  it('strips tags and comments but keeps text and lone "<"', () => {
    expect(call('stripHTML', '<b>Hello</b>')).toBe('Hello');
    expect(call('stripHTML', '<p class="x">a < b</p><!-- note --><br/>')).toBe('a < b');
  });
  it('percent-encodes and decodes URL components', () => {
    expect(call('encodeURL', 'Automate your workflow?&=/')).toBe('Automate%20your%20workflow%3F%26%3D%2F');
    expect(call('decodeURL', 'Automate%20your%20workflow')).toBe('Automate your workflow');
    expect(call('decodeURL', '%C4%9B')).toBe('ě');
  });
  it('reports a malformed percent escape as a DataError', () => {
    dataErrorOf('decodeURL', '100%');
    dataErrorOf('encodeURL', '\ud800');
  });
});

describe('replaceEmojiCharacters', () => {
  it('removes emoji when no replacement is given', () => {
    expect(call('replaceEmojiCharacters', 'Hi 👋 there')).toBe('Hi  there');
  });
  it('replaces each whole emoji sequence once', () => {
    // skin tone, ZWJ sequence, flag, keycap and VS16 heart: five emoji → five stars
    expect(call('replaceEmojiCharacters', '👋🏽👩‍💻🇨🇿1️⃣❤️', '*')).toBe('*****');
  });
  it('leaves text-style symbols and digits alone', () => {
    expect(call('replaceEmojiCharacters', '© 2026 ™ #1', '*')).toBe('© 2026 ™ #1');
  });
});

describe('properties', () => {
  const anyText = fc.string({ unit: 'grapheme' });
  it('escapeJSON output parses back to the input inside JSON quotes', () => {
    fc.assert(fc.property(anyText, (text) => JSON.parse(`"${call('escapeJSON', text)}"`) === text));
  });
  it('escapeHTML output has no raw markup characters and unescapes to the input', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const escaped = String(call('escapeHTML', text));
        const back = escaped
          .replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>')
          .replaceAll('&quot;', '"')
          .replaceAll('&#39;', "'")
          .replaceAll('&amp;', '&');
        return !/[<>"']/.test(escaped) && back === text;
      }),
    );
  });
  it('decodeURL(encodeURL(text)) is the text', () => {
    fc.assert(fc.property(anyText, (text) => call('decodeURL', call('encodeURL', text)) === text));
  });
  it('literal replace leaves no occurrence of a search text that cannot re-form', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('a', '.', '$', '*', ' '), (text, search) => {
        return !String(call('replace', text, search, '_')).includes(search);
      }),
    );
  });
});
