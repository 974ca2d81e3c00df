import type { Language } from '../model/common.js';
import type { AdminCrisisState, CrisisNotice, CrisisState } from '../model/crisis.js';

/** The state plus its version: instances compare versions to notice a switch. */
export type VersionedCrisisState = CrisisState & { version: number };

/** The crisis instructions in the reader's language, or in the other one when only that was written. */
export function crisisInstructions(state: VersionedCrisisState, lang: Language): string {
  return state.instructions[lang] || state.instructions[lang === 'de' ? 'en' : 'de'];
}

/** What every signed-in person sees: the instructions in their language while crisis mode is on, else nothing. */
export function crisisNotice(state: VersionedCrisisState, lang: Language, toHtml: (markdown: string) => string): CrisisNotice {
  if (!state.active) return { active: false, instructions: null, instructionsHtml: null, statementUrl: null, spokesperson: null, startedAt: null };
  const instructions = crisisInstructions(state, lang);
  return { active: true, instructions, instructionsHtml: toHtml(instructions), statementUrl: state.statementUrl, spokesperson: state.spokesperson, startedAt: state.startedAt };
}

/** Admins: the whole state, and how far back a switch updates cards (CRISIS_UPDATE_DAYS). */
export function forAdmins({ version: _version, ...state }: VersionedCrisisState, cardUpdateDays: number): AdminCrisisState {
  return { ...state, cardUpdateDays };
}
