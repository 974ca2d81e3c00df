import type { ApiErrorBody, ErrorCode, Language } from '../domain/model/common.js';
import { AppError, type Message } from '../domain/errors.js';
import { msg, render } from '../domain/messages/message.js';

export const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  gone: 410,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  crisis_active: 423,
  internal: 500,
};

function body(code: ErrorCode, reason: Message, lang: Language, fields?: Readonly<Record<string, Message>>): ApiErrorBody {
  const words = fields && Object.fromEntries(Object.entries(fields).map(([field, r]) => [field, render(r, lang)]));
  return { error: { code, message: render(reason, lang), ...(words ? { fields: words } : {}) } };
}

/**
 * Anything thrown → status and body, in the reader's language (English when unknown).
 * Unknown errors become a bare 500: details go to the log only.
 */
export function toHttp(err: unknown, lang: Language = 'en'): { status: number; body: ApiErrorBody } {
  if (err instanceof AppError) return { status: STATUS[err.code], body: body(err.code, err.reason, lang, err.fieldReasons) };
  // restify's own errors (body parser, unknown route, method not allowed)
  const status = (err as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code: ErrorCode =
      status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 404 || status === 405 ? 'not_found' : status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : 'invalid';
    const reason = status === 413 ? msg('request.tooLarge') : code === 'not_found' ? msg('request.noRoute') : (restifyReason(err) ?? msg('request.unreadable'));
    return { status, body: body(code, reason, lang) };
  }
  return { status: 500, body: body('internal', msg('server.internal'), lang) };
}

function restifyReason(err: unknown): Message | undefined {
  const name = (err as { name?: unknown }).name;
  if (name === 'InvalidContentError' || name === 'BadRequestError') return msg('request.notJson');
  if (name === 'UnsupportedMediaTypeError') return msg('request.sendJson');
  return undefined;
}
