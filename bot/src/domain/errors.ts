import type { ErrorCode } from '../http/contract/common.js'; // a type only: the domain stays pure

/** A failure the user can act on. Mapped to HTTP in exactly one place (http/error-mapper). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const invalid = (message: string, fields?: Record<string, string>) => new AppError('invalid', message, fields);
export const unauthenticated = (message = 'Sign-in required') => new AppError('unauthenticated', message);
export const forbidden = (message = 'Only admins can do this') => new AppError('forbidden', message);
export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const gone = (message: string) => new AppError('gone', message);
export const conflict = (message: string) => new AppError('conflict', message);
