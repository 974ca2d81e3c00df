import type { Request, Response } from 'restify';
import { MAX_CONVERSION_BODY_BYTES, SIGNATURE_HEADER } from '../../domain/conversions/conversion-rules.js';
import { AppError } from '../../domain/errors.js';
import { msg } from '../../domain/messages/message.js';
import { conversionInputSchema } from '../../domain/model/conversions.js';
import { signingSource } from '../auth/conversion-signature.js';
import { conversionEndpoints as endpoints } from '../contract/endpoints/conversions.js';
import type { HttpContext } from '../context.js';
import { readRawBody } from '../raw-body.js';
import type { Route } from '../serve.js';
import { readsOwnBody } from '../server.js';
import { parse } from '../validation.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body's JSON; bytes that are not UTF-8 or not JSON are a 400 (after the signature: only sources learn this). */
function json(body: Buffer): unknown {
  try {
    return JSON.parse(UTF8.decode(body)) as unknown;
  } catch {
    throw new AppError('invalid', msg('request.notJson'));
  }
}

/**
 * Conversions, server to server: a careers site, shop or CRM reports that a reader who came
 * through a tracked link applied, signed up or bought. Checked in this order, each refusal
 * writing nothing: the size (413, before the body is read whole), the signature over the
 * exact bytes and its time (401), the body (400), the link code (400), the event id (a
 * retry answers 200 with what was stored; other content under the same id is a 409).
 */
export function conversionRoutes(route: Route, ctx: HttpContext): void {
  const server = route.server;
  readsOwnBody(server, 'POST', '/api/v1/conversions');
  server.post('/api/v1/conversions', async (req: Request, res: Response) => {
    const body = await readRawBody(req, res, MAX_CONVERSION_BODY_BYTES);
    const now = ctx.clock.now();
    const sourceId = signingSource(req.header(SIGNATURE_HEADER), body, await ctx.conversions.activeSecrets(), now);
    const input = parse(conversionInputSchema, json(body));
    const { created, conversion } = await ctx.conversions.record(sourceId, input, now);
    res.send(created ? 201 : 200, conversion);
  });

  route(endpoints.conversionSources, async () => ({ items: await ctx.conversions.sources() }));
  route(endpoints.addConversionSource, async ({ who, body }) => ctx.conversions.createSource(body.name, who.id));
  route(endpoints.addConversionSecret, async ({ params }) => ctx.conversions.addSecret(params.id));
  route(endpoints.removeConversionSecret, async ({ params }) => {
    await ctx.conversions.deleteSecret(params.id, params.secretId);
    return undefined;
  });
}
