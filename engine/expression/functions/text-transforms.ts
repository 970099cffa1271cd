/**
 * Character-level transforms behind `ascii`, `capitalize`, `startcase` and
 * `replaceEmojiCharacters` (https://help.make.com/text-and-binary-functions).
 */

/**
 * Latin letters that Unicode does not decompose into base letter + accent, so NFD alone would
 * drop them. Needed for `ascii(text; true)` ("ě→e") to keep Polish ł, Danish ø, German ß, etc.
 * Make's exact transliteration table is undocumented (docs/fidelity.md, "`ascii(text; true)`").
 */
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'n',
  Ŋ: 'N',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  þ: 'th',
  Þ: 'Th',
  ſ: 's',
};

const UNDECOMPOSABLE_CHARS = new RegExp(`[${Object.keys(UNDECOMPOSABLE).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}/gu;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at U+0000 by definition.
const NON_ASCII = /[^\u0000-\u007f]/g;

/** Accented letters → their base letters (`ěščřž` → `escrz`). */
export function removeDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(UNDECOMPOSABLE_CHARS, (ch) => UNDECOMPOSABLE[ch] ?? ch);
}

/** `ascii`: drops every character outside U+0000–U+007F (`ěMščařžkýáeíé` → `Make`). */
export function keepAscii(text: string): string {
  return text.replace(NON_ASCII, '');
}

/**
 * `capitalize`: the first character upper-cased, the rest unchanged
 * (https://help.make.com/text-and-binary-functions, "first character").
 */
export function capitalizeFirst(text: string): string {
  const first = text.codePointAt(0);
  if (first === undefined) return text;
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + text.slice(head.length);
}

/**
 * Where a word starts for `startcase`: a letter after the start or after anything that is not a
 * letter, digit or apostrophe (so `o'neil` → `O'neil`, `jean-luc` → `Jean-Luc`).
 * Open question: Make only documents `hello WORLD` → `Hello World`.
 */
const WORD_START = /(^|[^\p{L}\p{N}'’])(\p{L})/gu;

/**
 * `startcase`: "first letter of every word upper, all others lower"
 * (https://help.make.com/text-and-binary-functions).
 */
export function startCase(text: string): string {
  return text.toLowerCase().replace(WORD_START, (_m, before: string, letter: string) => {
    return before + letter.toUpperCase();
  });
}

/**
 * One emoji as users see it: a flag (two regional indicators), a keycap (`1️⃣`), or a pictograph
 * with optional skin tone / presentation selector, joined into ZWJ sequences (`👩‍💻`) and tag
 * sequences (🏴 flags of England …). Text-style symbols such as © ® ™ count only when followed by
 * the emoji presentation selector U+FE0F (Make's emoji table is undocumented;
 * docs/fidelity.md, "`replaceEmojiCharacters`").
 */
const PICTOGRAPH = String.raw`(?:\p{Emoji_Presentation}|\p{Extended_Pictographic}\uFE0F)`;
const MODIFIERS = String.raw`[\u{1F3FB}-\u{1F3FF}\uFE0F]*[\u{E0020}-\u{E007F}]*`;
const JOINED = String.raw`\u200D\p{Extended_Pictographic}\uFE0F?[\u{1F3FB}-\u{1F3FF}]?`;
const EMOJI = new RegExp(
  String.raw`\p{Regional_Indicator}{2}|[0-9#*]\uFE0F?\u20E3|${PICTOGRAPH}${MODIFIERS}(?:${JOINED})*`,
  'gu',
);

/** `replaceEmojiCharacters`: every emoji (whole sequence) → `replacement`. */
export function replaceEmoji(text: string, replacement: string): string {
  return text.replace(EMOJI, () => replacement);
}
