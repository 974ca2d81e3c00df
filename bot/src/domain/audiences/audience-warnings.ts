import { msg, type Message } from '../messages/message.js';

/** A hint about something saved (not an error), by key: the edge words it in the admin's language. */
export interface SaveWarning {
  field: string;
  reason: Message;
}

/** Who is in the directory (issue 14 §2): what an audience reaches, and values nobody holds. */
export interface AudienceDirectory {
  /** People (who have not left) in these departments and locations; empty lists: everyone. */
  reach(departments: readonly string[], locations: readonly string[]): Promise<number>;
  /** The values no one (who has not left) holds: renamed, gone, or mistyped. */
  unknown(departments: readonly string[], locations: readonly string[]): Promise<{ departments: string[]; locations: string[] }>;
}

/**
 * What to tell an admin about an audience (an item's or a session's) before it goes out:
 * `audience` when it reaches nobody, `audience.departments` / `audience.locations` naming
 * values nobody holds (a renamed department). Everyone (no values) is never warned about.
 */
export async function audienceWarnings(
  directory: AudienceDirectory | undefined,
  { departments, locations }: { departments: readonly string[]; locations: readonly string[] },
): Promise<SaveWarning[]> {
  if (!directory || departments.length + locations.length === 0) return [];
  const [reach, unknown] = await Promise.all([directory.reach(departments, locations), directory.unknown(departments, locations)]);
  const warnings: SaveWarning[] = [];
  if (reach === 0) warnings.push({ field: 'audience', reason: msg('audience.reachesNobody') });
  for (const key of ['departments', 'locations'] as const) {
    if (unknown[key].length > 0) warnings.push({ field: `audience.${key}`, reason: msg('audience.unknownValues', { values: unknown[key].join(', ') }) });
  }
  return warnings;
}
