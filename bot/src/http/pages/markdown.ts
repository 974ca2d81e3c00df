import MarkdownIt from 'markdown-it';

// Admin-written Markdown for employees' eyes: no raw HTML (it is shown as text), links only
// to http(s) and mailto (markdown-it already refuses javascript:, data: and the like).
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token) {
    token.attrSet('rel', 'noopener noreferrer');
    token.attrSet('target', '_blank');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};
md.validateLink = (url) => /^(https?:|mailto:)/i.test(url.trim());

/** Safe HTML from Markdown: scripts and raw HTML come out as visible text. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
