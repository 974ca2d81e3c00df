import { Body1, Button, Caption1 } from '@fluentui/react-components';
import { AddRegular, EditRegular, HistoryRegular } from '@fluentui/react-icons';
import { ENDPOINTS, type AdminGuideline } from '@contract';
import { useState } from 'react';
import { AdminSection } from '../../components/admin-section.js';
import { useAdminListStyles } from '../../components/admin-styles.js';
import { ErrorState } from '../../components/error-state.js';
import { LoadingState } from '../../components/loading-state.js';
import { LoadMore } from '../../components/load-more.js';
import { usePagedEndpoint } from '../../query/use-paged-endpoint.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { GuidelineEditor } from './guideline-editor.js';
import { GuidelineHistory } from './guideline-history.js';

type Open = { kind: 'edit' | 'history'; id: string } | { kind: 'new' } | null;

/** For admins: every page with its current version; edit (a new version), history and diffs. */
export function GuidelinesAdmin({ onSaved }: { onSaved: () => void }) {
  const styles = useAdminListStyles();
  const { t, lang, dateTime } = useI18n();
  const pages = usePagedEndpoint(ENDPOINTS.adminGuidelines, {}, (p) => p.id);
  const [open, setOpen] = useState<Open>(null);

  const saved = () => {
    setOpen(null);
    onSaved(); // refreshes this list and the readers' view
  };
  const titleOf = (p: AdminGuideline) => p.current.title[lang] || p.current.title.de || p.current.title.en;
  const isOpen = (kind: 'edit' | 'history', id: string) => open?.kind === kind && open.id === id;

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
                <Button
                  icon={<EditRegular />}
                  aria-label={t.guidelineEditAria(titleOf(p))}
                  aria-expanded={isOpen('edit', p.id)}
                  onClick={() => setOpen(isOpen('edit', p.id) ? null : { kind: 'edit', id: p.id })}
                >
                  {t.guidelineEdit}
                </Button>
                <Button
                  icon={<HistoryRegular />}
                  aria-label={t.guidelineHistoryAria(titleOf(p))}
                  aria-expanded={isOpen('history', p.id)}
                  onClick={() => setOpen(isOpen('history', p.id) ? null : { kind: 'history', id: p.id })}
                >
                  {t.guidelineHistory}
                </Button>
              </div>
              {isOpen('edit', p.id) ? <GuidelineEditor page={p} onSaved={saved} onCancel={() => setOpen(null)} /> : null}
              {isOpen('history', p.id) ? <GuidelineHistory id={p.id} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <LoadMore list={pages} />
      {open?.kind === 'new' ? (
        <GuidelineEditor onSaved={saved} onCancel={() => setOpen(null)} />
      ) : (
        <div className={styles.actions}>
          <Button icon={<AddRegular />} onClick={() => setOpen({ kind: 'new' })}>
            {t.guidelineNew}
          </Button>
        </div>
      )}
    </AdminSection>
  );
}
