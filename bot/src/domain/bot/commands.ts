export const COMMANDS = ['help', 'latest', 'settings', 'stop', 'start'] as const;
export type Command = (typeof COMMANDS)[number];

/** Every word people type for a command, in English and German. */
const WORDS: Record<Command, string[]> = {
  help: ['help', 'hilfe', 'hallo', 'hello', 'hi', '?', 'commands', 'befehle'],
  latest: ['latest', 'new', 'news', 'neu', 'neues', 'neueste', 'aktuell'],
  settings: ['settings', 'setting', 'einstellungen', 'einstellung', 'preferences', 'optionen'],
  stop: ['stop', 'stopp', 'pause', 'pausieren', 'unsubscribe', 'abmelden'],
  start: ['start', 'resume', 'weiter', 'fortsetzen', 'subscribe', 'anmelden'],
};

/** Optimal string alignment distance: insertions, deletions, substitutions, swaps. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] as number, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

/**
 * The command in a chat message, forgiving about case, punctuation, a leading @mention
 * and small typos ("setings", "hlep", "Einstelungen"). Undefined when nothing fits.
 */
export function parseCommand(text: string | undefined): Command | undefined {
  const word = (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .trim()
    .toLowerCase()
    .split(/\s+/)[0]
    ?.replace(/^[/!]+|[.!,;:]+$/g, '');
  if (!word) return undefined;
  let best: { command: Command; distance: number } | undefined;
  for (const command of COMMANDS) {
    for (const candidate of WORDS[command]) {
      const distance = editDistance(word, candidate);
      // One typo in short words, two in long ones; never a guess for tiny words.
      const allowed = candidate.length <= 3 ? 0 : candidate.length <= 6 ? 1 : 2;
      if (distance <= allowed && (!best || distance < best.distance)) best = { command, distance };
    }
  }
  return best?.command;
}
