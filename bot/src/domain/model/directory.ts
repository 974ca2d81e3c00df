import { z } from 'zod';

const counts = z.object({
  pages: z.number().int().min(0),
  seen: z.number().int().min(0),
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  left: z.number().int().min(0),
  skipped: z.number().int().min(0),
});

/** The Directory admin page: whether the sync is set up, what its last round did, and how many people Chorus knows. */
export const directoryStatusSchema = z.strictObject({
  /** False until the bot's app can reach Graph (see README "Directory sync"). */
  configured: z.boolean(),
  /** Minutes between rounds (0: only "Sync now"); null when not configured. */
  everyMinutes: z.number().int().min(0).nullable(),
  /** Only this group's members are synced; null: the whole directory. */
  groupId: z.string().nullable(),
  running: z.boolean(),
  lastStartedAt: z.string().nullable(),
  lastFinishedAt: z.string().nullable(),
  lastFullAt: z.string().nullable(),
  lastStatus: z.enum(['ok', 'error']).nullable(),
  /** Why the last round failed (no personal data). */
  lastError: z.string().nullable(),
  lastCounts: counts.partial(),
  people: z.object({
    /** People Chorus knows who have not left. */
    total: z.number().int().min(0),
    /** Of them, the ones the directory sync saw. */
    fromDirectory: z.number().int().min(0),
    left: z.number().int().min(0),
  }),
});
export type DirectoryStatus = z.infer<typeof directoryStatusSchema>;

export const directorySyncStartedSchema = z.strictObject({ started: z.literal(true) });
