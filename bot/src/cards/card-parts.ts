import type {
  ActionSet,
  CardAction,
  ExecuteAction,
  JsonObject,
  OpenUrlAction,
  RichTextBlock,
  TextBlock,
  TextRun,
} from './adaptive-card.js';
import type { Verb } from './verbs.js';

/** A wrapping TextBlock for our own words (Markdown in them is ours and intended). */
export function text(value: string, style: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...style };
}

/** A run of text shown as typed: `**x**` or `[a](b)` in it stays literal in Teams. */
export function run(value: string, style: Omit<TextRun, 'type' | 'text'> = {}): TextRun {
  return { type: 'TextRun', text: value, ...style };
}

/**
 * Text that came from people (titles, names, suggested posts). TextBlock would read it
 * as Markdown, so a title like `[Win](https://evil.example)` became a link; escaping with
 * backslashes is rendered inconsistently across Teams clients. TextRun has no Markdown.
 */
export function plain(runs: TextRun | TextRun[], extra: Omit<RichTextBlock, 'type' | 'inlines'> = {}): RichTextBlock {
  return { type: 'RichTextBlock', inlines: (Array.isArray(runs) ? runs : [runs]).filter((r) => r.text !== ''), ...extra };
}

export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

/**
 * Action.Execute with an Action.Submit fallback for clients without Universal Actions.
 * The fallback's data repeats the verb, so the message handler can route it the same way.
 */
export function execute(verb: Verb, title: string, data: JsonObject = {}): ExecuteAction {
  return {
    type: 'Action.Execute',
    verb,
    title,
    ...(Object.keys(data).length > 0 ? { data } : {}),
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}

export function actionSet(actions: CardAction[], extra: Omit<ActionSet, 'type' | 'actions'> = {}): ActionSet {
  return { type: 'ActionSet', actions, ...extra };
}
