import type { ZodError } from 'zod';
import type { ApiErrorBody, ErrorCode } from './contract/common.js';
import { AppError } from '../domain/errors.js';

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

/** zod issues → one message per field path ("posts.x", "audience.departments.2"). */
export function fieldsFromZod(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'is not a known field';
      continue;
    }
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}

export function validationError(error: ZodError): AppError {
  return new AppError('invalid', 'Some fields are not valid', fieldsFromZod(error));
}

/** Anything thrown → status and body. Unknown errors become a bare 500 (details go to the log only). */
export function toHttp(err: unknown): { status: number; body: ApiErrorBody } {
  if (err instanceof AppError) {
    return {
      status: STATUS[err.code],
      body: { error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) } },
    };
  }
  // restify's own errors (body parser, unknown route, method not allowed)
  const status = (err as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code: ErrorCode =
      status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : status === 404 || status === 405 ? 'not_found' : status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : 'invalid';
    const message =
      status === 413
        ? 'The request body is too large'
        : code === 'not_found'
          ? 'No such route'
          : restifyMessage(err) ?? 'The request could not be read';
    return { status, body: { error: { code, message } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'Something went wrong on our side' } } };
}

function restifyMessage(err: unknown): string | undefined {
  const name = (err as { name?: unknown }).name;
  if (name === 'InvalidContentError' || name === 'BadRequestError') return 'The request body is not valid JSON';
  if (name === 'UnsupportedMediaTypeError') return 'Send the body as application/json';
  return undefined;
}
