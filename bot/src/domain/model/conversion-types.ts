/** What a reader did after following a shared link, as the reporting system names it. */
export const CONVERSION_TYPES = ['application', 'lead', 'signup', 'purchase', 'custom'] as const;
export type ConversionType = (typeof CONVERSION_TYPES)[number];
