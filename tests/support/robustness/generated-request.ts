// What a generated request is, before it becomes bytes: plans that keep placeholders
// (@@real.item.2@@) so one seed gives the same requests whatever ids the server hands out.

export type RealKind = 'item' | 'training' | 'guideline' | 'step' | 'announcement' | 'person' | 'token' | 'code';
export type Identity = 'clara' | 'jonas' | 'aylin' | 'mia';
export type BodyPlan =
  | { kind: 'none'; contentLength: boolean }
  | { kind: 'json'; value: unknown; how: string }
  | { kind: 'text'; text: string; how: string }
  | { kind: 'bytes'; bytes: number[]; how: string }
  | { kind: 'form'; text: string; how: string };
export type Transform = 'none' | 'gzip' | 'deflate' | 'deflate-raw' | 'br' | 'garbage' | 'truncated' | 'random' | 'bomb' | 'double-gzip';
export interface EncodingPlan {
  header: string | null;
  transform: Transform;
  random?: number[];
}

export interface GenRequest {
  /** The route as declared ("POST /api/v1/admin/items/:id"), or "unknown route". */
  route: string;
  method: string;
  /** Request target with placeholders (@@real.item.2@@), as latin1 "bytes". */
  target: string;
  identity: Identity | null;
  headers: Array<[string, string]>;
  host: string | null;
  body: BodyPlan;
  contentType: string | null;
  encoding: EncodingPlan;
  chunked: boolean;
}

/** Where generated requests get real ids, share tokens and link codes from. */
export type Pool = Record<RealKind, string[]>;

/** What a path parameter holds: a real id of some kind, a version number or an asset name. */
export type ParamKind = RealKind | 'version' | 'asset';

export type Json = unknown;

/** The methods requests are sent with; build() counts any other (FOO, get) as not HTTP. */
export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];
