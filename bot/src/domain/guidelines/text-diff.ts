import { diffWordsWithSpace } from 'diff';
import type { DiffPart } from '../model/guidelines.js'; // a type only: the domain stays pure

/**
 * Word diff of two texts, keeping newlines and spaces, so the Markdown source can be shown
 * as it is with the changes marked. Bounded: guideline texts are at most 20,000 characters,
 * but a diff of two unrelated texts could still take long, so past the time limit the whole
 * old text counts as removed and the whole new one as added.
 */
export function textDiff(older: string, newer: string, timeoutMs = 250): DiffPart[] {
  if (older === newer) return older ? [{ kind: 'same', text: older }] : [];
  const changes = diffWordsWithSpace(older, newer, { timeout: timeoutMs });
  if (!changes) {
    return [
      ...(older ? [{ kind: 'removed' as const, text: older }] : []),
      ...(newer ? [{ kind: 'added' as const, text: newer }] : []),
    ];
  }
  return grouped(changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value })));
}

/**
 * "press office" → "communications team" reads better as one removal and one addition than
 * as four alternating words: spaces between changed words join the change on both sides.
 */
function grouped(changes: readonly DiffPart[]): DiffPart[] {
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  const isChange = (p: DiffPart | undefined) => p !== undefined && p.kind !== 'same';
  for (let i = 0; i < changes.length; ) {
    const c = changes[i] as DiffPart;
    if (c.kind === 'same') {
      push('same', c.text);
      i += 1;
      continue;
    }
    let removed = '';
    let added = '';
    for (; i < changes.length; i += 1) {
      const p = changes[i] as DiffPart;
      if (p.kind === 'removed') removed += p.text;
      else if (p.kind === 'added') added += p.text;
      else if (/^[ \t]+$/.test(p.text) && isChange(changes[i + 1])) {
        removed += p.text;
        added += p.text;
      } else break;
    }
    push('removed', removed);
    push('added', added);
  }
  return parts;
}

/** True when the diff changes anything. */
export const hasChanges = (parts: readonly DiffPart[]) => parts.some((p) => p.kind !== 'same');
