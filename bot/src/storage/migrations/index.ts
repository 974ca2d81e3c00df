import * as m001 from './001-foundation.js';
import * as m002 from './002-conversations.js';
import * as m003 from './003-delivery.js';
import * as m004 from './004-crisis.js';
import * as m005 from './005-crisis-cards.js';
import * as m006 from './006-trainings.js';
import * as m007 from './007-guidelines.js';
import * as m008 from './008-training-announcements.js';
import * as m009 from './009-onboarding.js';
import * as m010 from './010-training-changes.js';
import * as m011 from './011-one-share-per-network.js';
import * as m012 from './012-domain-events.js';
import * as m013 from './013-jobs.js';
import * as m014 from './014-announcement-payload.js';
import * as m015 from './015-unique-readers.js';
import * as m016 from './016-points.js';
import * as m017 from './017-campaigns.js';
import * as m018 from './018-results-and-thanks.js';
import * as m019 from './019-points-program-log.js';
import * as m020 from './020-disclosure-kept.js';
import * as m021 from './021-points-totals.js';
import * as m022 from './022-board-versions.js';

/** Ordered; an applied migration is never edited, only followed by a new one. */
export const migrations: ReadonlyArray<{ id: string; sql: string }> = [
  { id: '001-foundation', sql: m001.sql },
  { id: '002-conversations', sql: m002.sql },
  { id: '003-delivery', sql: m003.sql },
  { id: '004-crisis', sql: m004.sql },
  { id: '005-crisis-cards', sql: m005.sql },
  { id: '006-trainings', sql: m006.sql },
  { id: '007-guidelines', sql: m007.sql },
  { id: '008-training-announcements', sql: m008.sql },
  { id: '009-onboarding', sql: m009.sql },
  { id: '010-training-changes', sql: m010.sql },
  { id: '011-one-share-per-network', sql: m011.sql },
  { id: '012-domain-events', sql: m012.sql },
  { id: '013-jobs', sql: m013.sql },
  { id: '014-announcement-payload', sql: m014.sql },
  { id: '015-unique-readers', sql: m015.sql },
  { id: '016-points', sql: m016.sql },
  { id: '017-campaigns', sql: m017.sql },
  { id: '018-results-and-thanks', sql: m018.sql },
  { id: '019-points-program-log', sql: m019.sql },
  { id: '020-disclosure-kept', sql: m020.sql },
  { id: '021-points-totals', sql: m021.sql },
  { id: '022-board-versions', sql: m022.sql },
];
