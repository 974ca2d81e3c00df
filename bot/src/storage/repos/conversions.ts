import { randomBytes } from 'node:crypto';
import type { ConversionRecorded, ConversionSource, ConversionType, ShownSecret } from '../../domain/model/conversions.js';
import type { Network } from '../../domain/sharing/networks.js';
import type { Queryable } from '../db.js';
import { isoRequired } from './rows.js';

/** 256 random bits, base64url, with a prefix that says what it is when it turns up in a config file. */
export const newConversionSecret = () => `chs_${randomBytes(32).toString('base64url')}`;

export interface ActiveSecret {
  sourceId: string;
  secretId: string;
  secret: string;
}

/** A tracked link as a conversion is attributed to it. */
export interface AttributedLink {
  code: string;
  itemId: string;
  personId: string;
  network: Network;
}

export interface StoredConversion {
  view: ConversionRecorded;
  /** The request as the sender meant it (domain/conversions canonicalInput). */
  input: string;
}

interface ConversionRow {
  id: string;
  event_id: string;
  input: string;
  link_code: string;
  type: ConversionType;
  value: string | number | null;
  currency: string | null;
  occurred_at: Date | string;
  day: string;
}

const CONVERSION_COLUMNS = 'id, event_id, input, link_code, type, value, currency, occurred_at, day::text as day';

function toStored(r: ConversionRow): StoredConversion {
  return {
    input: r.input,
    view: {
      id: r.id,
      eventId: r.event_id,
      linkCode: r.link_code,
      type: r.type,
      value: r.value === null ? null : Number(r.value),
      currency: r.currency,
      occurredAt: isoRequired(r.occurred_at),
      day: r.day,
    },
  };
}

/** Conversion sources, their secrets, and the conversions they reported. Stores and loads; decides nothing. */
export function conversionsRepo(db: Queryable) {
  return {
    /** Every source with the ids and ages of its secrets (never the secrets), by name. */
    async sources(): Promise<ConversionSource[]> {
      const rows = await db.query<{ id: string; name: string; created_at: Date | string; secrets: Array<{ id: string; created_at: string }> | null }>(
        `select s.id, s.name, s.created_at,
                (select json_agg(json_build_object('id', k.id, 'created_at', k.created_at) order by k.created_at, k.id)
                 from conversion_secrets k where k.source_id = s.id) as secrets
         from conversion_sources s order by lower(s.name), s.id`,
      );
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        createdAt: isoRequired(r.created_at),
        secrets: (r.secrets ?? []).map((k) => ({ id: k.id, createdAt: isoRequired(k.created_at) })),
      }));
    },

    /** A new source with its first secret; undefined when the name is taken (any case). */
    async createSource(name: string, by: string): Promise<{ source: ConversionSource; secret: ShownSecret } | undefined> {
      const [source] = await db.query<{ id: string; created_at: Date | string }>(
        'insert into conversion_sources (name, created_by) values ($1, $2) on conflict do nothing returning id, created_at',
        [name, by],
      );
      if (!source) return undefined;
      const secret = await this.addSecret(source.id);
      return {
        source: { id: source.id, name, createdAt: isoRequired(source.created_at), secrets: [{ id: secret.id, createdAt: secret.createdAt }] },
        secret,
      };
    },

    /** Locks the source (so two rotations at once count each other); undefined when it does not exist. */
    async lockSource(sourceId: string): Promise<{ secrets: number } | undefined> {
      const [row] = await db.query<{ secrets: number }>(
        'select (select count(*)::int from conversion_secrets k where k.source_id = s.id) as secrets from conversion_sources s where s.id = $1 for update',
        [sourceId],
      );
      return row;
    },

    async addSecret(sourceId: string): Promise<ShownSecret> {
      const secret = newConversionSecret();
      const [row] = await db.query<{ id: string; created_at: Date | string }>(
        'insert into conversion_secrets (source_id, secret) values ($1, $2) returning id, created_at',
        [sourceId, secret],
      );
      const { id, created_at } = row as { id: string; created_at: Date | string };
      return { id, sourceId, createdAt: isoRequired(created_at), secret };
    },

    /** True when the secret existed (and belonged to that source). */
    async deleteSecret(sourceId: string, secretId: string): Promise<boolean> {
      const rows = await db.query('delete from conversion_secrets where id = $1 and source_id = $2 returning id', [secretId, sourceId]);
      return rows.length === 1;
    },

    /** Every secret that signs valid requests now: read per request, so a deleted one is refused at once on every instance. */
    async activeSecrets(): Promise<ActiveSecret[]> {
      const rows = await db.query<{ source_id: string; id: string; secret: string }>('select source_id, id, secret from conversion_secrets', [], {
        name: 'conversion-secrets',
      });
      return rows.map((r) => ({ sourceId: r.source_id, secretId: r.id, secret: r.secret }));
    },

    async link(code: string): Promise<AttributedLink | undefined> {
      const [row] = await db.query<{ code: string; item_id: string; person_id: string; network: Network }>(
        'select code, item_id, person_id, network from links where code = $1',
        [code],
      );
      return row && { code: row.code, itemId: row.item_id, personId: row.person_id, network: row.network };
    },

    async byEvent(sourceId: string, eventId: string): Promise<StoredConversion | undefined> {
      const [row] = await db.query<ConversionRow>(`select ${CONVERSION_COLUMNS} from conversions where source_id = $1 and event_id = $2`, [sourceId, eventId]);
      return row && toStored(row);
    },

    /** Stores a conversion once per (source, event id); undefined when that event is stored already (a retry that raced this one). */
    async insert(c: {
      sourceId: string;
      eventId: string;
      input: string;
      link: AttributedLink;
      type: ConversionType;
      value: number | null;
      currency: string | null;
      occurredAt: string;
      day: string;
    }): Promise<StoredConversion | undefined> {
      const [row] = await db.query<ConversionRow>(
        `insert into conversions (source_id, event_id, input, link_code, item_id, person_id, network, type, value, currency, occurred_at, day)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         on conflict (source_id, event_id) do nothing
         returning ${CONVERSION_COLUMNS}`,
        [c.sourceId, c.eventId, c.input, c.link.code, c.link.itemId, c.link.personId, c.link.network, c.type, c.value, c.currency, c.occurredAt, c.day],
      );
      return row && toStored(row);
    },
  };
}
export type ConversionsRepo = ReturnType<typeof conversionsRepo>;
