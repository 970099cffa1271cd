import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../../../modules/regexp/html-to-text.ts';
import { replaceText } from '../../../../modules/regexp/replace.ts';

describe('regexp:Replace', () => {
  it('replaces only the first match when global is off', () => {
    expect(replaceText({ pattern: 'a', value: 'X', text: 'banana', global: false })).toBe('bXnana');
  });

  it('replaces every match when global is on', () => {
    expect(replaceText({ pattern: 'a', value: 'X', text: 'banana', global: true })).toBe('bXnXnX');
  });

  it('substitutes $1 group references', () => {
    expect(
      replaceText({ pattern: '(\\w+)@(\\w+)', value: '$2 at $1', text: 'ann@corp', global: false }),
    ).toBe('corp at ann');
  });

  it('honours case-insensitive matching', () => {
    expect(replaceText({ pattern: 'HELLO', value: 'bye', text: 'hello', sensitive: false })).toBe('bye');
  });

  it('removes everything before the first brace (corpus pattern)', () => {
    expect(
      replaceText({
        pattern: '^.*?(?={)',
        value: '',
        text: 'Here you go: {"a":1}',
        global: false,
        sensitive: true,
      }),
    ).toBe('{"a":1}');
  });
});

describe('regexp:HTMLToText', () => {
  it('strips tags and decodes entities', () => {
    expect(htmlToText('<p>Fish &amp; chips</p>', 'lf', false)).toBe('Fish & chips');
  });

  it('upper-cases headings when asked', () => {
    expect(htmlToText('<h1>Title</h1><p>body</p>', 'lf', true)).toBe('TITLE\n\nbody');
    expect(htmlToText('<h1>Title</h1><p>body</p>', 'lf', false)).toBe('Title\n\nbody');
  });

  it('turns <br> into the chosen line break', () => {
    expect(htmlToText('a<br>b', 'crlf', false)).toBe('a\r\nb');
  });

  it('drops script and style content', () => {
    expect(htmlToText('<style>p{}</style><script>x()</script>ok', 'lf', false)).toBe('ok');
  });
});
