import { makeStyles, Tab, TabList } from '@fluentui/react-components';
import type { Me } from '@contract';
import { useI18n } from '../i18n/i18n-context.js';
import { navigate, type Route } from '../routing.js';

const useStyles = makeStyles({
  root: { flexWrap: 'wrap' },
});

type TabValue = 'share' | 'my-shares' | 'guidelines' | 'trainings' | 'onboarding' | 'crisis' | 'admin-items' | 'admin-edit' | 'admin-announcements';

const ROUTES: Record<TabValue, Route> = {
  share: { page: 'share' },
  'my-shares': { page: 'my-shares' },
  guidelines: { page: 'guidelines' },
  trainings: { page: 'trainings' },
  onboarding: { page: 'onboarding' },
  crisis: { page: 'crisis' },
  'admin-items': { page: 'admin-items' },
  'admin-edit': { page: 'admin-edit', id: null },
  'admin-announcements': { page: 'admin-announcements' },
};

/**
 * The pages as tabs; the admin ones only for admins, "Edit item" only while editing, and
 * "Crisis" for admins (who switch it) and for everyone while it is on.
 */
export function NavTabs({ route, me, crisisActive }: { route: Route; me: Me; crisisActive: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  const selected = route.page in ROUTES ? (route.page as TabValue) : undefined;
  return (
    <nav aria-label={t.navLabel}>
      <TabList
        className={styles.root}
        selectedValue={selected ?? null}
        onTabSelect={(_, data) => {
          const value = data.value as TabValue;
          if (value !== 'admin-edit') navigate(ROUTES[value]);
        }}
      >
        <Tab value="share">{t.navShare}</Tab>
        <Tab value="my-shares">{t.navMyShares}</Tab>
        <Tab value="guidelines">{t.navGuidelines}</Tab>
        <Tab value="trainings">{t.navTrainings}</Tab>
        <Tab value="onboarding">{t.navOnboarding}</Tab>
        {crisisActive || me.role === 'admin' || route.page === 'crisis' ? <Tab value="crisis">{t.navCrisis}</Tab> : null}
        {me.role === 'admin' ? <Tab value="admin-items">{t.navAdminItems}</Tab> : null}
        {me.role === 'admin' && route.page === 'admin-edit' ? <Tab value="admin-edit">{t.navAdminEdit}</Tab> : null}
        {me.role === 'admin' ? <Tab value="admin-announcements">{t.navAdminAnnouncements}</Tab> : null}
      </TabList>
    </nav>
  );
}
