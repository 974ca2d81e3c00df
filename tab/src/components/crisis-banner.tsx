import { Link, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context.js';
import { routeHash } from '../routing.js';

/** On every page while crisis mode is on; the link leads to the instructions (not on their own page). */
export function CrisisBanner({ onCrisisPage }: { onCrisisPage: boolean }) {
  const { t } = useI18n();
  return (
    <MessageBar intent="error" layout="multiline" aria-label={t.crisisBannerTitle}>
      <MessageBarBody>
        <MessageBarTitle>{t.crisisBannerTitle}</MessageBarTitle>
        {t.crisisBannerBody}
      </MessageBarBody>
      {onCrisisPage ? null : (
        <MessageBarActions>
          <Link href={routeHash({ page: 'crisis' })}>{t.crisisBannerLink}</Link>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
