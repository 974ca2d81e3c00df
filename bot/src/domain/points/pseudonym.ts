/**
 * Pseudonyms on the leaderboard: 3–30 letters, digits, spaces, `-` and `_`, unique among
 * people — ignoring case and characters that merely look alike, so nobody can appear as
 * "Anna" by typing a Cyrillic "А". Pure: the uniqueness itself is a database index over
 * `pseudonymSkeleton`.
 *
 * In the spirit of UTS #39's "highly restrictive" profile: letters come from the Latin,
 * Greek or Cyrillic alphabets only (no phonetic or small-capital look-alikes such as "ɑ" or
 * "ᴀ", no Cherokee "Ꭺ"), one alphabet per pseudonym, and nothing invisible — no filler that
 * renders as a blank ("ㅤ"), no zero-width or other format character.
 */

export const PSEUDONYM_MIN = 3;
export const PSEUDONYM_MAX = 30;

export type PseudonymProblem = 'pseudonym.length' | 'pseudonym.characters' | 'pseudonym.mixedScripts';

/** Characters that render as nothing or as a blank without being a space: Hangul and Khmer fillers, default-ignorables, format characters. */
const INVISIBLE = /\u115F|\u1160|\u3164|\uFFA0|\u17B4|\u17B5|[\p{Default_Ignorable_Code_Point}\p{Cf}]/u;
/** Digits 0–9, space, - and _. */
const PLAIN = /^[0-9 _-]$/;
/** A combining accent (Combining Diacritical Marks): what NFC could not join to its letter. */
const ACCENT = /^[\u0300-\u036F]$/;
/** Accents on one letter (decomposed): Vietnamese has two, polytonic Greek up to three; never the same twice. */
const MAX_ACCENTS = 3;

type Alphabet = 'Latin' | 'Greek' | 'Cyrillic';

/**
 * The blocks letters may come from: Basic Latin, Latin-1, Latin Extended-A and -B, Latin
 * Extended Additional (Vietnamese), full-width Latin; Greek and Greek Extended; Cyrillic and
 * Cyrillic Supplement. Not IPA, phonetic extensions (small capitals) or Latin Extended-C/D/E.
 */
const LETTER_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x0041, 0x005a], [0x0061, 0x007a], [0x00c0, 0x024f], [0x1e00, 0x1eff], [0xff21, 0xff3a], [0xff41, 0xff5a],
  [0x0370, 0x03ff], [0x1f00, 0x1fff],
  [0x0400, 0x052f],
];

/** The alphabet of an allowed letter, or undefined (a modifier or "other" letter such as "ª" or "ǀ", or another script). */
function alphabetOf(ch: string): Alphabet | undefined {
  if (!/^[\p{Lu}\p{Ll}\p{Lt}]$/u.test(ch)) return undefined;
  const cp = ch.codePointAt(0) ?? 0;
  if (!LETTER_BLOCKS.some(([from, to]) => cp >= from && cp <= to)) return undefined;
  if (/^\p{Script=Latin}$/u.test(ch)) return 'Latin';
  if (/^\p{Script=Greek}$/u.test(ch)) return 'Greek';
  if (/^\p{Script=Cyrillic}$/u.test(ch)) return 'Cyrillic';
  return undefined;
}

/** Accents only on letters, at most a few per letter and none twice ("á́" is refused). */
function accentsInPlace(value: string): boolean {
  let onLetter = false;
  let accents: string[] = [];
  for (const ch of value.normalize('NFD')) {
    if (!ACCENT.test(ch)) {
      onLetter = alphabetOf(ch) !== undefined;
      accents = [];
    } else if (!onLetter || accents.includes(ch) || accents.length >= MAX_ACCENTS) {
      return false;
    } else {
      accents.push(ch);
    }
  }
  return true;
}

/** The pseudonym as stored (trimmed, NFC, inner runs of spaces as one), or why it cannot be one. */
export function normalisePseudonym(input: string): { value: string } | { problem: PseudonymProblem } {
  const value = input.normalize('NFC').trim().replace(/ {2,}/g, ' ');
  const length = [...value].length;
  if (length < PSEUDONYM_MIN || length > PSEUDONYM_MAX) return { problem: 'pseudonym.length' };
  const alphabets = new Set<Alphabet>();
  for (const ch of value) {
    if (INVISIBLE.test(ch)) return { problem: 'pseudonym.characters' };
    if (PLAIN.test(ch) || ACCENT.test(ch)) continue;
    const alphabet = alphabetOf(ch);
    if (!alphabet) return { problem: 'pseudonym.characters' };
    alphabets.add(alphabet);
  }
  if (!accentsInPlace(value)) return { problem: 'pseudonym.characters' };
  if (alphabets.size > 1) return { problem: 'pseudonym.mixedScripts' };
  return { value };
}

/**
 * Letters from other scripts that look like Latin ones (after lower-casing), after Unicode's
 * confusables list (UTS #39) for Cyrillic and Greek, and Latin letters and digits that are
 * easily mistaken for one another.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  // Cyrillic
  'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'з': '3', 'и': 'u', 'й': 'u', 'к': 'k', 'м': 'm', 'н': 'h', 'о': 'o', 'п': 'n',
  'р': 'p', 'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'ь': 'b', 'ѕ': 's', 'і': 'l', 'ї': 'l', 'ј': 'j', 'ԁ': 'd', 'һ': 'h',
  'ӏ': 'l', 'ԛ': 'q', 'ԝ': 'w', 'ү': 'y', 'ɡ': 'g', 'ց': 'g', 'ո': 'n', 'ս': 'u', 'օ': 'o',
  // Greek
  'α': 'a', 'β': 'b', 'γ': 'y', 'ε': 'e', 'ζ': 'z', 'η': 'n', 'ι': 'l', 'κ': 'k', 'μ': 'u', 'ν': 'v', 'ο': 'o', 'ρ': 'p',
  'σ': 'o', 'ς': 'c', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ω': 'w', 'ϲ': 'c', 'ϳ': 'j',
  // Latin and digits that read as one another
  'i': 'l', '1': 'l', '|': 'l', '0': 'o', '5': 's', 'ı': 'l',
  // Latin letters with a stroke or other shapes that read as a plain one (no decomposition removes it)
  'ł': 'l', 'ƚ': 'l', 'ø': 'o', 'đ': 'd', 'ħ': 'h', 'ŧ': 't', 'ƀ': 'b', 'ĸ': 'k', 'ȷ': 'j', 'ƒ': 'f',
  // IPA and small capitals (refused by normalisePseudonym; mapped too, should that ever change)
  'ɑ': 'a', 'ɩ': 'l', 'ɪ': 'l', 'ɨ': 'l', 'ɒ': 'o', 'ɔ': 'c', 'ɛ': 'e', 'ʋ': 'u', 'ʊ': 'u', 'ɢ': 'g', 'ʜ': 'h', 'ʟ': 'l', 'ɴ': 'n',
  'ʀ': 'r', 'ʏ': 'y', 'ʙ': 'b', 'ᴀ': 'a', 'ᴄ': 'c', 'ᴅ': 'd', 'ᴇ': 'e', 'ꜰ': 'f', 'ᴊ': 'j', 'ᴋ': 'k', 'ᴍ': 'm', 'ᴏ': 'o',
  'ᴘ': 'p', 'ꞯ': 'q', 'ꜱ': 's', 'ᴛ': 't', 'ᴜ': 'u', 'ᴠ': 'v', 'ᴡ': 'w', 'ᴢ': 'z',
};

/** Upper-case letters whose lower case no longer looks like the Latin capital they mimic. */
const UPPER_LOOK_ALIKES: Readonly<Record<string, string>> = {
  'В': 'b', 'Н': 'h', 'М': 'm', 'Т': 't', 'К': 'k', 'Β': 'b', 'Η': 'h', 'Ν': 'n', 'Μ': 'm', 'Τ': 't', 'Κ': 'k', 'Υ': 'y',
  'Ζ': 'z', 'Ι': 'l', 'Ρ': 'p', 'Χ': 'x', 'Α': 'a', 'Ε': 'e', 'Ο': 'o', 'I': 'l',
};

/**
 * What a pseudonym looks like, for uniqueness: NFKC (full-width and styled letters become
 * plain), look-alike capitals mapped, lower case, look-alike letters of other scripts
 * mapped to Latin, marks removed ("Zoë" and "Zoe" read the same on a board), and the
 * multi-letter look-alikes "rn" → "m" and "vv" → "w".
 */
export function pseudonymSkeleton(value: string): string {
  const folded = [...value.normalize('NFKC')].map((ch) => UPPER_LOOK_ALIKES[ch] ?? ch).join('').toLowerCase();
  const mapped = [...folded.normalize('NFD').replace(/\p{M}/gu, '')].map((ch) => LOOK_ALIKES[ch] ?? ch).join('');
  return mapped.replace(/rn/g, 'm').replace(/vv/g, 'w').replace(/[\s_-]+/g, ' ').trim();
}
