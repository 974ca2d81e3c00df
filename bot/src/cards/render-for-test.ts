import { createRequire } from 'node:module';
import type { AdaptiveCard } from './adaptive-card.js';

/*
 * Test-only: parse and render a card with the `adaptivecards` 3.0.6 renderer, which needs
 * a DOM. Its package entry is an ESM build that Node cannot load, so we load the UMD
 * bundle through require. jsdom and adaptivecards are reached through the small
 * interfaces below rather than their own typings: @types/jsdom pulls the DOM lib into
 * the whole bot's type-check, and browser globals must not type-check in server code.
 */

interface RenderedElement {
  outerHTML: string;
  textContent: string | null;
  querySelectorAll(selector: string): Iterable<RenderedElement>;
  getAttribute(name: string): string | null;
}
interface ValidationEvent {
  message: string;
}
interface AcCard {
  parse(json: unknown, context: { eventCount: number; getEventAt(index: number): ValidationEvent }): void;
  validateProperties(): { validationEvents: ValidationEvent[] };
  render(): RenderedElement | undefined;
}
interface AdaptiveCardsModule {
  AdaptiveCard: { new (): AcCard; onProcessMarkdown?: (text: string, result: { didProcess: boolean; outputHtml?: string }) => void };
  SerializationContext: new () => { eventCount: number; getEventAt(index: number): ValidationEvent };
}
type DomWindow = Record<string, unknown> & { HTMLElement: { prototype: object } };
interface JsdomModule {
  JSDOM: new (html: string) => { window: DomWindow };
}

/** What the renderer touches as bare globals while rendering the elements we use. */
const DOM_GLOBALS = ['window', 'document', 'HTMLElement', 'HTMLButtonElement', 'HTMLInputElement', 'HTMLSelectElement'];

let loaded: AdaptiveCardsModule | undefined;

function adaptiveCards(): AdaptiveCardsModule {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const { JSDOM } = require('jsdom') as JsdomModule;
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  const globals = globalThis as Record<string, unknown>;
  for (const name of DOM_GLOBALS) globals[name] ??= window[name];
  // jsdom has no layout, so no innerText; the renderer writes TextRun and button text with it.
  Object.defineProperty(window.HTMLElement.prototype, 'innerText', {
    configurable: true,
    get(this: { textContent: string | null }) {
      return this.textContent ?? '';
    },
    set(this: { textContent: string | null }, value: string) {
      this.textContent = value;
    },
  });
  const ac = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;
  ac.AdaptiveCard.onProcessMarkdown = teamsMarkdownStandIn;
  loaded = ac;
  return ac;
}

/**
 * Stands in for the Markdown subset Teams applies to TextBlock (bold, italic, links), so
 * tests can tell whether text would become a link in Teams. Escapes HTML first, as Teams does.
 */
function teamsMarkdownStandIn(text: string, result: { didProcess: boolean; outputHtml?: string }): void {
  const escaped = text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
  result.outputHtml = `<p>${escaped
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>')
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/\b_(.+?)_\b/g, '<em>$1</em>')}</p>`;
  result.didProcess = true;
}

export interface RenderResult {
  /** Parse and validation messages; a clean card has none. */
  warnings: string[];
  /** Whether render() produced an element. */
  rendered: boolean;
  html: string;
  /** The text a reader sees, buttons included. */
  text: string;
  /** Targets of links inside text (Markdown turned into anchors). */
  links: string[];
  /** Serialized size in bytes, as it travels to Teams. */
  bytes: number;
}

export function renderForTest(card: AdaptiveCard): RenderResult {
  const ac = adaptiveCards();
  const json: unknown = JSON.parse(JSON.stringify(card));
  const parsed = new ac.AdaptiveCard();
  const context = new ac.SerializationContext();
  parsed.parse(json, context);
  const warnings: string[] = [];
  for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
  for (const event of parsed.validateProperties().validationEvents) warnings.push(event.message);
  const element = parsed.render();
  return {
    warnings,
    rendered: element !== undefined,
    html: element?.outerHTML ?? '',
    text: element?.textContent ?? '',
    links: element ? [...element.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '') : [],
    bytes: Buffer.byteLength(JSON.stringify(card), 'utf8'),
  };
}

/** Every Action.OpenUrl in the card, anywhere (card actions and ActionSets). */
export function openUrlActions(card: AdaptiveCard): Array<{ title: string; url: string }> {
  const found: Array<{ title: string; url: string }> = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Action.OpenUrl' && typeof record.title === 'string' && typeof record.url === 'string') {
      found.push({ title: record.title, url: record.url });
    }
    Object.values(record).forEach(visit);
  };
  visit(card);
  return found;
}

/** Our budget per card; Teams allows ~80 KB for a whole message. */
export const MAX_CARD_BYTES = 28 * 1024;

/** Every plain string in a text table (templates, being functions, are left out). */
export function stringsOf(table: object): string[] {
  return Object.values(table).flatMap((value: unknown) =>
    typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? stringsOf(value) : [],
  );
}

/**
 * Everything wrong with a card in one list, so a failing test names all of it: parse or
 * validation warnings, no rendering, too big, or words from the other language's table.
 */
export function cardProblems(card: AdaptiveCard, own: object, other: object): string[] {
  const result = renderForTest(card);
  const ownStrings = new Set(stringsOf(own));
  const foreign = stringsOf(other).filter((s) => !ownStrings.has(s) && result.text.includes(s));
  return [
    // Teams' chart elements are unknown to the 1.5 renderer; it uses their (required) fallback, as older hosts do.
    ...result.warnings.filter((w) => !/^Unknown element type "Chart\.[A-Za-z.]+"\. Fallback will be used if present\.$/.test(w)).map((w) => `warning: ${w}`),
    ...(result.rendered ? [] : ['render() produced no element']),
    ...(result.bytes < MAX_CARD_BYTES ? [] : [`${result.bytes} bytes, over ${MAX_CARD_BYTES}`]),
    ...foreign.map((s) => `other language: ${s}`),
  ];
}

/**
 * Where people's words would be read as Markdown by Teams: a TextBlock's text or a
 * FactSet's title or value that contains any of `written` (titles, names, hosts, rooms,
 * instructions). A clean card keeps all of them in TextRuns; the list names each offence.
 */
export function markdownExposure(card: AdaptiveCard, written: string[]): string[] {
  const found: string[] = [];
  const check = (where: string, value: unknown) => {
    if (typeof value !== 'string') return;
    for (const w of written) if (w && value.includes(w)) found.push(`${where} contains ${JSON.stringify(w)}`);
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock') check('TextBlock', record.text);
    if (record.type === 'FactSet' && Array.isArray(record.facts)) {
      for (const fact of record.facts as Array<Record<string, unknown>>) {
        check('Fact title', fact.title);
        check('Fact value', fact.value);
      }
    }
    Object.values(record).forEach(visit);
  };
  visit(card);
  return found;
}

/** Every link a reader can follow from inside the card's text (TextRun links included). */
export function textLinks(card: AdaptiveCard): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    const action = record.selectAction as Record<string, unknown> | undefined;
    if (record.type === 'TextRun' && action?.type === 'Action.OpenUrl' && typeof action.url === 'string') found.push(action.url);
    Object.values(record).forEach(visit);
  };
  visit(card);
  return [...new Set([...found, ...renderForTest(card).links])];
}
