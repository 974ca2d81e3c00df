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
import { markdownToBlocks, type Span } from '../domain/text/markdown-policy.js';

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

/** Label–value lines ("Host: Clara"), the value shown as typed; empty values are left out. */
export function facts(lines: Array<[label: string, value: string]>): RichTextBlock[] {
  return lines
    .filter(([, value]) => value !== '')
    .map(([label, value], i) => plain([run(`${label}: `, { isSubtle: true }), run(value)], { spacing: i === 0 ? 'small' : 'none' }));
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

/**
 * Admin-written Markdown (crisis instructions) as cards may carry it: the Markdown policy's
 * blocks as RichTextBlocks of TextRuns, which Teams never reads as Markdown. Emphasis,
 * lists and https/mailto links survive; anything else is shown as the text it is.
 */
export function markdownBlocks(source: string, extra: Omit<RichTextBlock, 'type' | 'inlines'> = {}): RichTextBlock[] {
  return markdownToBlocks(source).map((block, i) => {
    const indent = '\u2003'.repeat(block.depth);
    const lead = block.marker ? [run(`${indent}${block.marker} `)] : block.kind === 'quote' ? [run(`${indent}│ `, { isSubtle: true })] : indent ? [run(indent)] : [];
    const runs = block.spans.map((span) => spanRun(span, block.kind));
    return plain([...lead, ...runs], { ...(i === 0 ? extra : { spacing: block.kind === 'item' ? 'none' : 'small' }) });
  });
}

function spanRun(span: Span, kind: string): TextRun {
  const style: Omit<TextRun, 'type' | 'text'> = {};
  if (span.strong || kind === 'heading') style.weight = 'bolder';
  if (kind === 'heading') style.size = 'medium';
  if (span.em) style.italic = true;
  if (span.strike) style.strikethrough = true;
  if (span.code || kind === 'code') style.fontType = 'monospace';
  if (kind === 'quote') style.isSubtle = true;
  if (span.href) Object.assign(style, { color: 'accent', underline: true, selectAction: openUrl(span.text, span.href) });
  return run(span.text, style);
}
