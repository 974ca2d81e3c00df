import { makeStyles, Tab, TabList } from '@fluentui/react-components';
import type { Me } from '@contract';
import { useI18n } from '../i18n/i18n-context.js';
import { navigate, type Route } from '../routing.js';

const useStyles = makeStyles({
  root: { flexWrap: 'wrap' },
});

type TabValue = 'share' | 'my-shares' | 'admin-items' | 'admin-edit' | 'admin-announcements';

const ROUTES: Record<TabValue, Route> = {
  share: { page: 'share' },
  'my-shares': { page: 'my-shares' },
  'admin-items': { page: 'admin-items' },
  'admin-edit': { page: 'admin-edit', id: null },
  'admin-announcements': { page: 'admin-announcements' },
};

/** The pages as tabs; the admin ones only for admins, "Edit item" only while editing. */
export function NavTabs({ route, me }: { route: Route; me: Me }) {
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
        {me.role === 'admin' ? <Tab value="admin-items">{t.navAdminItems}</Tab> : null}
        {me.role === 'admin' && route.page === 'admin-edit' ? <Tab value="admin-edit">{t.navAdminEdit}</Tab> : null}
        {me.role === 'admin' ? <Tab value="admin-announcements">{t.navAdminAnnouncements}</Tab> : null}
      </TabList>
    </nav>
  );
}
