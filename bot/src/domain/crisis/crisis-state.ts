import type { Language } from '../model/common.js';
import type { CrisisState } from '../model/crisis.js';

/** The state plus its version: instances compare versions to notice a switch. */
export type VersionedCrisisState = CrisisState & { version: number };

/** The crisis instructions in the reader's language, or in the other one when only that was written. */
export function crisisInstructions(state: VersionedCrisisState, lang: Language): string {
  return state.instructions[lang] || state.instructions[lang === 'de' ? 'en' : 'de'];
}
