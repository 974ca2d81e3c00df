import MarkdownIt, { type Token } from 'markdown-it';

/**
 * The one Markdown policy for everything admins write (guidelines, onboarding tips, crisis
 * instructions), wherever Chorus shows it: the tab and the share pages get HTML, cards get
 * text runs. CommonMark without raw HTML (it comes out as visible text), links only to
 * https and mailto (any other link, however it is written — inline, reference-style,
 * autolink — stays its literal text).
 */
export const ALLOWED_LINK = /^(https:|mailto:)/i;

export function isAllowedLink(url: string): boolean {
  return ALLOWED_LINK.test(url.trim());
}

const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
md.validateLink = isAllowedLink;
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) {
    token.attrSet('rel', 'noopener noreferrer');
    token.attrSet('target', '_blank');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** Safe HTML: scripts and raw HTML come out as visible text. */
export function markdownToHtml(source: string): string {
  return md.render(source);
}

/** A run of text with the emphasis Markdown gave it; `href` only for allowed links. */
export interface Span {
  text: string;
  strong?: boolean;
  em?: boolean;
  strike?: boolean;
  code?: boolean;
  href?: string;
}

/** One block of text: a paragraph, a heading, a list item (with its marker), a quote or code. */
export interface TextBlockModel {
  kind: 'paragraph' | 'heading' | 'item' | 'quote' | 'code';
  /** "•" or "3." for list items. */
  marker?: string;
  /** Nesting of lists and quotes, 0 at the top. */
  depth: number;
  spans: Span[];
}

/**
 * The same Markdown as plain blocks of styled text, for places that must not interpret
 * Markdown themselves (Adaptive Cards: Teams would render a TextBlock's Markdown with its
 * own, laxer rules). Text never carries markup; only allowed links keep their target.
 */
export function markdownToBlocks(source: string): TextBlockModel[] {
  const blocks: TextBlockModel[] = [];
  const lists: Array<{ ordered: boolean; next: number }> = [];
  let quotes = 0;
  let pending: Pick<TextBlockModel, 'kind' | 'marker'> | undefined;
  const depth = () => lists.length + quotes;

  for (const token of md.parse(source, {})) {
    switch (token.type) {
      case 'bullet_list_open':
      case 'ordered_list_open':
        lists.push({ ordered: token.type === 'ordered_list_open', next: Number(token.attrGet('start') ?? 1) });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop();
        break;
      case 'list_item_open': {
        const list = lists.at(-1);
        pending = { kind: 'item', marker: list?.ordered ? `${token.info || list.next}.` : '•' };
        if (list) list.next++;
        break;
      }
      case 'blockquote_open':
        quotes++;
        break;
      case 'blockquote_close':
        quotes--;
        break;
      case 'heading_open':
        pending = { kind: 'heading' };
        break;
      case 'fence':
      case 'code_block':
        blocks.push({ kind: 'code', depth: depth(), spans: [{ text: token.content.replace(/\n$/, ''), code: true }] });
        break;
      case 'inline': {
        const kind = pending?.kind ?? (quotes > 0 ? 'quote' : 'paragraph');
        const spans = inlineSpans(token.children ?? []);
        if (spans.length > 0) blocks.push({ kind, ...(pending?.marker ? { marker: pending.marker } : {}), depth: Math.max(0, depth() - (kind === 'item' ? 1 : 0)), spans });
        pending = undefined;
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

function inlineSpans(children: Token[]): Span[] {
  const spans: Span[] = [];
  const style = { strong: 0, em: 0, strike: 0 };
  let href: string | undefined;
  const push = (text: string, extra: Partial<Span> = {}) => {
    if (text === '') return;
    const span: Span = { text };
    if (style.strong > 0) span.strong = true;
    if (style.em > 0) span.em = true;
    if (style.strike > 0) span.strike = true;
    if (href) span.href = href;
    Object.assign(span, extra);
    const last = spans.at(-1);
    // Neighbours with the same style become one run.
    if (last && sameStyle(last, span)) last.text += span.text;
    else spans.push(span);
  };
  for (const child of children) {
    switch (child.type) {
      case 'text':
        push(child.content);
        break;
      case 'softbreak':
        push(' ');
        break;
      case 'hardbreak':
        push('\n');
        break;
      case 'code_inline':
        push(child.content, { code: true });
        break;
      case 'strong_open':
        style.strong++;
        break;
      case 'strong_close':
        style.strong--;
        break;
      case 'em_open':
        style.em++;
        break;
      case 'em_close':
        style.em--;
        break;
      case 's_open':
        style.strike++;
        break;
      case 's_close':
        style.strike--;
        break;
      case 'link_open': {
        const target = child.attrGet('href') ?? '';
        href = isAllowedLink(target) ? target : undefined;
        break;
      }
      case 'link_close':
        href = undefined;
        break;
      case 'image':
        // An image in a card or a chat message would load from anywhere: its description instead.
        push(child.children?.map((c) => c.content).join('') || child.content);
        break;
      default:
        if (child.content) push(child.content);
    }
  }
  return spans;
}

function sameStyle(a: Span, b: Span): boolean {
  return a.strong === b.strong && a.em === b.em && a.strike === b.strike && a.code === b.code && a.href === b.href;
}
