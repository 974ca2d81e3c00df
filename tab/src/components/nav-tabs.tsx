import { makeStyles, Tab, TabList } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context.js';
import { PAGES, type PageEntry, type PageName } from '../route-table.js';
import { navigate, type Route } from '../routing.js';
import { useCan } from '../session.js';

const useStyles = makeStyles({
  root: { flexWrap: 'wrap' },
});

/** The pages as tabs, in the route table's order, each shown when the table says so. */
export function NavTabs({ route, crisisActive }: { route: Route; crisisActive: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  const can = useCan();
  const tabs = (Object.entries(PAGES) as Array<[PageName, PageEntry]>).filter(([page, entry]) => {
    if (!entry.nav || (entry.permission !== null && !can(entry.permission))) return false;
    return entry.nav.shown?.({ current: route.page === page, crisisActive, can }) ?? true;
  });
  const selected = tabs.some(([page]) => page === route.page) ? route.page : null;
  return (
    <nav aria-label={t.navLabel}>
      <TabList
        className={styles.root}
        selectedValue={selected}
        onTabSelect={(_, data) => {
          const page = data.value as PageName;
          if ((PAGES[page] as PageEntry).nav?.selectable !== false) navigate({ page });
        }}
      >
        {tabs.map(([page, entry]) => (
          <Tab key={page} value={page}>
            {entry.nav ? t[entry.nav.label] : null}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}
