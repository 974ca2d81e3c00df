import { Body1, Caption1 } from '@fluentui/react-components';
import { EditRegular, HistoryRegular } from '@fluentui/react-icons';
import { ENDPOINTS, type AdminGuideline } from '@contract';
import { AdminSection } from '../../components/admin-section.js';
import { useAdminListStyles } from '../../components/admin-styles.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { LoadMore } from '../../components/load-more.js';
import { NewEntry, PanelButton, useRowPanels } from '../../components/row-panels.js';
import { usePagedEndpoint } from '../../query/use-paged-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { GuidelineEditor } from './guideline-editor.js';
import { GuidelineHistory } from './guideline-history.js';

/** For admins: every page with its current version; edit (a new version), history and diffs. */
export function GuidelinesAdmin({ onSaved }: { onSaved: () => void }) {
  const styles = useAdminListStyles();
  const { t, lang, dateTime } = useI18n();
  const pages = usePagedEndpoint(ENDPOINTS.adminGuidelines, {}, (p) => p.id);
  const panels = useRowPanels<'edit' | 'history'>();

  const saved = () => {
    panels.close();
    onSaved(); // refreshes this list and the readers' view
  };
  const titleOf = (p: AdminGuideline) => p.current.title[lang] || p.current.title.de || p.current.title.en;

  return (
    <AdminSection heading={t.guidelinesAdminHeading} intro={t.guidelinesAdminIntro}>
      {pages.status === 'loading' ? <LoadingState /> : null}
      {pages.status === 'error' ? <ErrorState error={pages.error} onRetry={pages.reload} /> : null}
      {pages.status === 'ok' ? (
        <ul className={styles.list}>
          {pages.items.map((p) => (
            <li key={p.id} className={styles.row}>
              <Body1 className={styles.title}>
                <strong>{titleOf(p)}</strong>
              </Body1>
              <Caption1 className={styles.meta}>{t.guidelineVersionLine(p.current.version, dateTime(p.current.createdAt), p.current.createdBy)}</Caption1>
              <div className={styles.actions}>
                <PanelButton panels={panels} kind="edit" id={p.id} icon={<EditRegular />} label={t.guidelineEdit} ariaLabel={t.guidelineEditAria(titleOf(p))} />
                <PanelButton
                  panels={panels}
                  kind="history"
                  id={p.id}
                  icon={<HistoryRegular />}
                  label={t.guidelineHistory}
                  ariaLabel={t.guidelineHistoryAria(titleOf(p))}
                />
              </div>
              {panels.isOpen('edit', p.id) ? <GuidelineEditor page={p} onSaved={saved} onCancel={panels.close} /> : null}
              {panels.isOpen('history', p.id) ? <GuidelineHistory id={p.id} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore list={pages} />
      <NewEntry panels={panels} label={t.guidelineNew}>
        <GuidelineEditor onSaved={saved} onCancel={panels.close} />
      </NewEntry>
    </AdminSection>
  );
}
