/**
 * Pseudonyms on the leaderboard: 3–30 letters, digits, spaces, `-` and `_`, unique among
 * people — ignoring case and characters that merely look alike, so nobody can appear as
 * "Anna" by typing a Cyrillic "А". Pure: the uniqueness itself is a database index over
 * `pseudonymSkeleton`.
 */

/** Allowed after trimming and NFC: Unicode letters (with their marks), digits, space, - and _. */
const ALLOWED = /^[\p{L}\p{M}\p{Nd} _-]+$/u;
export const PSEUDONYM_MIN = 3;
export const PSEUDONYM_MAX = 30;

export type PseudonymProblem = 'pseudonym.length' | 'pseudonym.characters';

/** The pseudonym as stored (trimmed, NFC, inner runs of spaces as one), or why it cannot be one. */
export function normalisePseudonym(input: string): { value: string } | { problem: PseudonymProblem } {
  const value = input.normalize('NFC').trim().replace(/ {2,}/g, ' ');
  const length = [...value].length;
  if (length < PSEUDONYM_MIN || length > PSEUDONYM_MAX) return { problem: 'pseudonym.length' };
  if (!ALLOWED.test(value)) return { problem: 'pseudonym.characters' };
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
