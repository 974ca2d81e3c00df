import { z } from 'zod';
import type { Permission } from '../../domain/permissions/roles.js';
import type { NotFoundSubject } from '../../domain/messages/message.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * A path parameter: its schema (over the raw string) and what is "not found" when a value
 * does not fit. A malformed id names nothing, so it is a 404, never a 400.
 */
export interface PathParam<T = unknown> {
  schema: z.ZodType<T, string>;
  notFound: NotFoundSubject;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const uuidParam = (notFound: NotFoundSubject): PathParam<string> => ({ schema: z.string().regex(UUID), notFound });

/** A version number: 1 to 999,999,999, digits only. */
export const versionParam = (notFound: NotFoundSubject): PathParam<number> => ({
  schema: z
    .string()
    .regex(/^\d{1,9}$/)
    .transform(Number)
    .refine((n) => n >= 1),
  notFound,
});

export type Params = Record<string, PathParam>;

/**
 * One endpoint, declared once: the server registers its route from this and the tab's
 * client calls it from this. `permission` is what the caller must hold (null: no sign-in,
 * for the development sign-in list only). Schemas are zod; `response` is checked against
 * what the server sends in tests and what the tab receives in development.
 */
export interface Endpoint<
  P extends Params = Params,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  path: string;
  params: P;
  query: Q;
  body: B;
  response: R;
  /** The status of a success; 201 for creating, 204 for no body. */
  status: number;
  permission: Permission | null;
}

export function endpoint<
  R extends z.ZodType,
  P extends Params = Record<never, PathParam>,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(def: { method: HttpMethod; path: string; params?: P; query?: Q; body?: B; response: R; status?: number; permission: Permission | null }): Endpoint<P, Q, B, R> {
  return {
    method: def.method,
    path: def.path,
    params: def.params ?? ({} as P),
    query: def.query as Q,
    body: def.body as B,
    response: def.response,
    status: def.status ?? 200,
    permission: def.permission,
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the widest endpoint, for registries and generic callers
export type AnyEndpoint = Endpoint<any, any, any, any>;

type ParamValues<P extends Params> = { [K in keyof P]: string | number };
type Optional<T> = { [K in keyof T]?: T[K] };

/** What a caller passes: path parameters, query and body, each only when the endpoint has it. */
export type EndpointInput<E extends AnyEndpoint> = (keyof E['params'] extends never ? unknown : { params: ParamValues<E['params']> }) &
  (E['query'] extends z.ZodType ? { query?: Optional<z.input<E['query']>> } : unknown) &
  (E['body'] extends z.ZodType ? (undefined extends z.input<E['body']> ? { body?: z.input<E['body']> } : { body: z.input<E['body']> }) : unknown);

/** What a caller gets back. */
export type EndpointOutput<E extends AnyEndpoint> = z.output<E['response']>;

/** The handler's view of a request: parsed params, query and body. */
export type ParsedParams<E extends AnyEndpoint> = { [K in keyof E['params']]: E['params'][K] extends PathParam<infer T> ? T : never };
export type ParsedQuery<E extends AnyEndpoint> = E['query'] extends z.ZodType ? z.output<E['query']> : undefined;
export type ParsedBody<E extends AnyEndpoint> = E['body'] extends z.ZodType ? z.output<E['body']> : undefined;

/** `/api/v1/items/:id` with `{ id }` → `/api/v1/items/<id>`, each value percent-encoded. */
export function fillPath(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(String(value));
  });
}
