/**
 * Every message the service sends people, by key, in English. `{name}` is a parameter.
 * This catalog defines the keys; de.ts must have exactly the same (else tsc fails).
 * Parameters are written as given: numbers stay as digits ("at most 20000 characters").
 */
export const en = {
  // requests and sign-in
  'fields.invalid': 'Some fields are not valid',
  'auth.signInRequired': 'Sign-in required',
  'auth.forbidden': 'Only admins can do this',
  'auth.chooseDemoPerson': 'Choose a demo person first',
  'auth.unknownDemoPerson': 'Unknown demo person',
  'auth.devLocalOnly': 'Development sign-in works on this computer only',
  'auth.tenantNotAllowed': 'This organisation is not allowed to use Chorus',
  'auth.tokenInvalid': 'The sign-in token is not valid',
  'auth.tokenScope': 'The sign-in token lacks the access_as_user scope',
  'request.noRoute': 'No such route',
  'request.tooLarge': 'The request body is too large',
  'request.notJson': 'The request body is not valid JSON',
  'request.unreadable': 'The request could not be read',
  'request.sendJson': 'Send the body as application/json',
  'request.compressed': 'Compressed request bodies are not accepted: send them uncompressed',
  'server.internal': 'Something went wrong on our side',
  'bot.localOnly': 'This bot endpoint accepts local calls only until an app id is configured',
  'bot.unknownInvoke': 'is not an invoke Chorus answers',
  'bot.cardAction': 'must carry a card action',

  // not found, by what was looked for
  'notFound.Item': 'Item not found',
  'notFound.Route': 'Route not found',
  'notFound.File': 'File not found',
  'notFound.Link': 'Link not found',
  'notFound.Announcement': 'Announcement not found',
  'notFound.Training': 'Training not found',
  'notFound.Guideline': 'Guideline not found',
  'notFound.Version': 'Version not found',
  'notFound.Step': 'Step not found',
  'notFound.Person': 'Person not found',
  'notFound.Share page': 'Share page not found',
  'share.gone': 'No longer available',

  // fields, in general
  'field.required': 'is required',
  'field.unknown': 'is not a known field',
  'field.maxChars': 'at most {max} characters',
  'field.minChars': 'at least {min} characters',
  'field.atMost': 'at most {max}',
  'field.atLeastOne': 'must be at least 1',
  'field.number': 'must be a number',
  'field.wholeNumber': 'must be a whole number',
  'field.isoDateTime': 'must be an ISO date-time with time zone',
  'field.future': 'must be in the future',
  'field.notPast': 'must not be in the past',
  'field.cursor': 'is not a valid page cursor',
  'field.timeZone': 'is not a known time zone',
  'field.day': 'must be a date written YYYY-MM-DD',
  'impact.toBeforeFrom': 'must not be before from',
  'impact.tooLong': 'must be at most {max} days after from',
  'text.nul': 'must not contain a NUL character',
  'text.halfChar': 'is not valid text (it holds half a character)',
  'url.invalid': 'is not a valid URL',
  'url.https': 'must start with https://',
  'url.credentials': 'must not contain a user name or password',
  'url.control': 'must not contain control characters or line breaks',
  // zod's own message for an issue our schemas do not name, in both languages (see http/validation.ts)
  'zod.issue': '{en}',

  // items and announcements
  'item.whyRequired': 'is required: one or two sentences on why this is worth sharing',
  'item.hashtag': 'letters, digits and _ only',
  'item.maxTopics': 'at most {max} topics',
  'item.maxHashtags': 'at most {max} hashtags',
  'item.unknownTopic': 'unknown topic: {topics}',
  'item.xTooLong': 'too long for X: {count} of {max} characters (the link counts as 23, hashtags included)',
  'item.afterPublish': 'must be after the publish time',
  'item.beforeExpiry': 'must be before the expiry time',
  'item.expiresBeforePublish': 'The item would expire before it is published',
  'item.linkedinFold': 'LinkedIn shows about {max} characters before "see more": put the point first',
  'item.noPosts': 'No suggested text yet: people share more when they get a starting sentence',
  'share.unknownNetwork': 'unknown network',
  'announce.notLive': 'Only published or scheduled items can be announced',
  'announce.itemAnnounced': 'This item has already been announced',
  'announce.sent': 'This announcement has already been sent completely',
  'announce.beforePublish': 'must not be before the item is published',
  'announce.beforeItemExpires': 'must be before the item expires',

  // trainings
  'training.cancelled': 'This training has been cancelled',
  'training.started': 'This training has already started',
  'training.announced': 'This training has already been announced',
  'training.beforeStart': 'must be before the training starts',
  'training.attendanceEarly': 'Attendance can be recorded once the training has started',
  'training.afterStart': 'must be after the start',
  'training.meetingOrRoom': 'is required: a meeting link or a room',
  'training.capacityBelowRegistered': 'must be at least {count}: that many people are registered',
  'training.notRegistered': '{count} of them are not registered for this training',
  'training.namedTwice': 'names someone twice',

  // guidelines
  'guideline.titleWithoutBody': 'is required when the title is written',
  'guideline.bodyWithoutTitle': 'is required when the text is written',
  'guideline.someLanguage': 'is required: a title and text in German or English (or both)',
  'guideline.slug': 'lower-case letters, digits and single hyphens only',
  'guideline.slugTaken': 'A guideline page with this slug exists already',
  'guideline.stale': 'Someone saved a newer version meanwhile: reload and edit that one',
  'guideline.newerExists': 'A newer version exists: read that one first',
  'guideline.diffSame': 'must differ from the version compared with',

  // crisis and onboarding
  'crisis.reasonRequired': 'is required: why (for the audit log; employees do not see it)',
  'crisis.instructionsRequired': 'are required: what employees should say and do',
  'crisis.statementRequired': 'is required when links are to lead to the statement',
  'onboarding.titleRequired': 'is required in German or English',
  'onboarding.ticksItself': 'This step ticks itself once Chorus sees it done',
} as const;

export type MessageKey = keyof typeof en;
