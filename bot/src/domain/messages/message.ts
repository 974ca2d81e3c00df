import type { Language } from '../model/common.js'; // a type only: the domain stays pure
import { de } from './de.js';
import { en, type MessageKey } from './en.js';

export type { MessageKey };
export type MessageParams = Readonly<Record<string, string | number>>;

/** What went wrong, by key and parameters; put into words only at the edge, in the reader's language. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** What `notFound()` can name. */
export type NotFoundSubject = MessageKey extends infer K ? (K extends `notFound.${infer S}` ? S : never) : never;

const CATALOGS: Record<Language, Record<MessageKey, string>> = { en, de };

export const msg = (key: MessageKey, params?: MessageParams): Message => (params ? { key, params } : { key });

export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(en, value);
}

/** The message in words; a missing parameter leaves its name in braces rather than failing. */
export function render(message: Message, lang: Language): string {
  const template = CATALOGS[lang][message.key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = message.params?.[name];
    return value === undefined ? whole : String(value);
  });
}
