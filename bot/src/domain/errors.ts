import type { ErrorCode } from './model/common.js'; // a type only: the domain stays pure
import { msg, render, type Message, type MessageKey, type MessageParams, type NotFoundSubject } from './messages/message.js';

export type { Message, MessageKey, NotFoundSubject };

/**
 * A failure the user can act on: a stable code, and what to tell them by key. Mapped to
 * HTTP and put into the reader's language in exactly one place (http/error-mapper).
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: Message,
    readonly fieldReasons?: Readonly<Record<string, Message>>,
  ) {
    super(render(reason, 'en'));
    this.name = 'AppError';
  }

  /** Per field, in English: for logs and tests. People get `fieldReasons` in their language. */
  get fields(): Record<string, string> | undefined {
    if (!this.fieldReasons) return undefined;
    return Object.fromEntries(Object.entries(this.fieldReasons).map(([field, reason]) => [field, render(reason, 'en')]));
  }
}

type Reason = MessageKey | Message;
const reason = (r: Reason, params?: MessageParams): Message => (typeof r === 'string' ? msg(r, params) : r);

/** Bad input: what is wrong per field (field path → reason). */
export const invalid = (fields: Readonly<Record<string, Reason>>, overall: Reason = 'fields.invalid') =>
  new AppError('invalid', reason(overall), Object.fromEntries(Object.entries(fields).map(([field, r]) => [field, reason(r)])));
export const unauthenticated = (r: Reason = 'auth.signInRequired') => new AppError('unauthenticated', reason(r));
export const forbidden = (r: Reason = 'auth.forbidden') => new AppError('forbidden', reason(r));
export const notFound = (what: NotFoundSubject) => new AppError('not_found', msg(`notFound.${what}`));
export const gone = (r: Reason) => new AppError('gone', reason(r));
export const conflict = (r: Reason, params?: MessageParams) => new AppError('conflict', reason(r, params));
