/**
 * The verbs of every Action.Execute our cards send. The bot's `adaptiveCard/action`
 * handler switches on these, so both sides import them from here.
 */
export const VERBS = {
  settingsOpen: 'settings.open',
  settingsSave: 'settings.save',
  itemNotForMe: 'item.notForMe',
  itemRefresh: 'item.refresh',
  trainingRegister: 'training.register',
  trainingUnregister: 'training.unregister',
  trainingRefresh: 'training.refresh',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];

export const ALL_VERBS: readonly Verb[] = Object.values(VERBS);

export function isVerb(value: unknown): value is Verb {
  return typeof value === 'string' && (ALL_VERBS as readonly string[]).includes(value);
}
