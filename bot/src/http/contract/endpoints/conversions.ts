import { emptyBody, listOf, noContent } from '../../../domain/model/common.js';
import { conversionSourceInputSchema, conversionSourceSchema, createdSourceSchema, shownSecretSchema } from '../../../domain/model/conversions.js';
import { endpoint, uuidParam } from '../endpoint.js';

const source = { id: uuidParam('Conversion source') };

/**
 * The systems that may report conversions, and their secrets (admins only). A secret is
 * shown once, in the answer that made it. POST /api/v1/conversions itself is not declared
 * here: it is signed, not signed in, and reads its body as sent (http/routes/conversions.ts).
 */
export const conversionEndpoints = {
  /** Every source with its secrets' ids and ages — never a secret. */
  conversionSources: endpoint({ method: 'GET', path: '/api/v1/admin/conversion-sources', response: listOf(conversionSourceSchema), permission: 'conversions.manage' }),
  /** A new source and its first secret (shown this once); 409 when the name is taken. */
  addConversionSource: endpoint({
    method: 'POST',
    path: '/api/v1/admin/conversion-sources',
    body: conversionSourceInputSchema,
    response: createdSourceSchema,
    status: 201,
    permission: 'conversions.manage',
  }),
  /** A further secret for rotation (shown this once): old and new both sign valid requests until the old one is deleted. */
  addConversionSecret: endpoint({
    method: 'POST',
    path: '/api/v1/admin/conversion-sources/:id/secrets',
    params: source,
    body: emptyBody,
    response: shownSecretSchema,
    status: 201,
    permission: 'conversions.manage',
  }),
  /** From now on, requests signed with this secret are refused (on every instance: secrets are read per request). */
  removeConversionSecret: endpoint({
    method: 'DELETE',
    path: '/api/v1/admin/conversion-sources/:id/secrets/:secretId',
    params: { ...source, secretId: uuidParam('Secret') },
    response: noContent,
    status: 204,
    permission: 'conversions.manage',
  }),
};
