import type { Verb } from './verbs.js';

/**
 * The slice of Adaptive Cards 1.5 that Chorus uses, as a discriminated union on `type`:
 * an unknown element, a misspelt property or a wrong enum value fails at compile time.
 * Add an element here before using it in a card. Names and values follow the schema
 * at adaptivecards.io (enum values in camelCase, as the schema writes them).
 */

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const CARD_VERSION = '1.5';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type TextSize = 'default' | 'small' | 'medium' | 'large' | 'extraLarge';
export type TextWeight = 'default' | 'lighter' | 'bolder';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type HorizontalAlignment = 'left' | 'center' | 'right';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  isVisible?: boolean;
}

interface TextStyle {
  size?: TextSize;
  weight?: TextWeight;
  color?: TextColor;
  isSubtle?: boolean;
}

/** Text we write. Teams renders a Markdown subset here: never put people's text in it. */
export interface TextBlock extends ElementBase, TextStyle {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  maxLines?: number;
  style?: 'default' | 'heading';
  horizontalAlignment?: HorizontalAlignment;
}

/** One run of text; the spec says TextRun never interprets Markdown. */
export interface TextRun extends TextStyle {
  type: 'TextRun';
  text: string;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
  fontType?: 'default' | 'monospace';
  /** A link inside text: the only way a run becomes clickable. */
  selectAction?: OpenUrlAction;
}

/** Where text from people or the newsroom goes (titles, names, suggested posts). */
export interface RichTextBlock extends ElementBase {
  type: 'RichTextBlock';
  inlines: TextRun[];
  horizontalAlignment?: HorizontalAlignment;
}

export interface Image extends ElementBase {
  type: 'Image';
  url: string;
  altText: string;
  size?: 'auto' | 'stretch' | 'small' | 'medium' | 'large';
  style?: 'default' | 'person';
  horizontalAlignment?: HorizontalAlignment;
}

export interface Container extends ElementBase {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  selectAction?: OpenUrlAction | ExecuteAction;
}

export interface Column {
  type: 'Column';
  items: CardElement[];
  width?: 'auto' | 'stretch' | number | `${number}px`;
  verticalContentAlignment?: 'top' | 'center' | 'bottom';
  spacing?: Spacing;
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

/** Fact titles and values are Markdown in Teams too: our own strings only. */
export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: CardAction[];
}

export interface Choice {
  title: string;
  value: string;
}

/** A required input must say what is wrong when left empty (the renderers insist). */
export type ChoiceSetInput = ElementBase & {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  choices: Choice[];
  value?: string;
  style?: 'compact' | 'expanded';
  isMultiSelect?: boolean;
} & ({ isRequired: true; errorMessage: string } | { isRequired?: false });

/**
 * A bar chart, which Teams (desktop and web) renders; other hosts show `fallback`. Not in
 * the 1.5 schema: hosts that do not know it must have the fallback, so it is required.
 */
export interface VerticalBarChart extends ElementBase {
  type: 'Chart.VerticalBar';
  title?: string;
  xAxisTitle?: string;
  yAxisTitle?: string;
  data: Array<{ x: string; y: number }>;
  fallback: Container | TextBlock | RichTextBlock | 'drop';
}

export type CardElement =
  | TextBlock
  | RichTextBlock
  | Image
  | Container
  | ColumnSet
  | FactSet
  | ActionSet
  | ChoiceSetInput
  | VerticalBarChart;

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
  tooltip?: string;
}

/** For clients without Universal Actions; the data carries the verb so one handler serves both. */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: JsonObject & { verb: Verb };
  associatedInputs?: 'auto' | 'none';
}

/** Universal Actions: Teams sends an `adaptiveCard/action` invoke with this verb and data. */
export interface ExecuteAction {
  type: 'Action.Execute';
  verb: Verb;
  title?: string;
  data?: JsonObject;
  associatedInputs?: 'auto' | 'none';
  fallback?: SubmitAction | 'drop';
}

/** A card that opens under the card when the action is chosen (a question before an Execute). */
export interface ShowCardAction {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[]; actions?: CardAction[] };
}

export type CardAction = OpenUrlAction | ExecuteAction | SubmitAction | ShowCardAction;

/** Per-user refresh: Teams re-renders the card for these users when they view it (≤ 60). */
export interface Refresh {
  action: ExecuteAction;
  userIds?: string[];
}

export interface AdaptiveCard {
  $schema: typeof CARD_SCHEMA;
  type: 'AdaptiveCard';
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: CardAction[];
  refresh?: Refresh;
}

/** A card with the fixed header fields; empty action lists are left out. */
export function adaptiveCard(parts: {
  body: CardElement[];
  actions?: CardAction[];
  refresh?: Refresh;
}): AdaptiveCard {
  return {
    $schema: CARD_SCHEMA,
    type: 'AdaptiveCard',
    version: CARD_VERSION,
    body: parts.body,
    ...(parts.actions && parts.actions.length > 0 ? { actions: parts.actions } : {}),
    ...(parts.refresh ? { refresh: parts.refresh } : {}),
  };
}
