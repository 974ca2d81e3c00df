import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular } from '@fluentui/react-icons';
import { ErrorState } from '../../../components/error-state.js';
import { LoadingState } from '../../../components/loading-state.js';
import { PageHeader } from '../../../components/page-header.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { LastChanges, LastSync, PeopleCounts, Schedule } from './directory-facts.js';
import { useDirectorySync } from './use-directory-sync.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL, minWidth: 0 },
  list: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalXL },
  text: { overflowWrap: 'anywhere' },
  outcome: { marginTop: tokens.spacingVerticalL },
});

/**
 * The directory sync (issue 14 §1), for admins: whether it is set up (and what it needs if
 * not), how the last round went and what it changed, the people counted, the schedule, and
 * "Sync now".
 */
export function DirectoryPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const { status, outcome, syncNow, busy } = useDirectorySync();
  const configured = status.data?.configured ?? false;

  return (
    <div className={styles.root}>
      <div>
        <PageHeader
          heading={t.directoryTitle}
          intro={t.directoryIntro}
          actions={
            status.state === 'ok' && configured ? (
              <Button
                appearance="primary"
                icon={busy ? <Spinner size="tiny" /> : <ArrowSyncRegular />}
                disabled={busy}
                onClick={() => void syncNow()}
              >
                {busy ? t.directorySyncing : t.directorySyncNow}
              </Button>
            ) : null
          }
        />
        {/* Always in the page, so screen readers hear the outcome when it appears. */}
        <div role="status" aria-live="polite" aria-atomic="true" data-testid="directory-outcome">
          {outcome ? (
            <MessageBar intent={outcome.intent} layout="multiline" className={styles.outcome}>
              <MessageBarBody className={styles.text}>
                {outcome.title ? <MessageBarTitle>{outcome.title}</MessageBarTitle> : null}
                {outcome.text}
              </MessageBarBody>
            </MessageBar>
          ) : null}
        </div>
      </div>
      {status.state === 'loading' ? <LoadingState /> : null}
      {status.state === 'error' ? <ErrorState error={status.error} onRetry={status.reload} /> : null}
      {status.state === 'ok' ? (
        <>
          {configured ? null : (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody className={styles.text}>
                <MessageBarTitle>{t.directoryNotConfiguredTitle}</MessageBarTitle>
                {t.directoryNotConfiguredBody}
                <ul className={styles.list}>
                  <li>{t.directoryNeedsApp}</li>
                  <li>{t.directoryNeedsPermission}</li>
                </ul>
                {t.directoryNeedsReadme}
              </MessageBarBody>
            </MessageBar>
          )}
          {configured ? <LastSync status={status.data} /> : null}
          <PeopleCounts status={status.data} />
          <LastChanges status={status.data} />
          <Schedule status={status.data} />
        </>
      ) : null}
    </div>
  );
}
