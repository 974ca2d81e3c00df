import {
  Button,
  Field,
  Input,
  makeStyles,
  tokens,
  useRestoreFocusTarget,
} from '@fluentui/react-components';
import { ArchiveRegular, CalendarClockRegular, SaveRegular, SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ItemStatus } from '@contract';
import { ConfirmButton } from '../../../components/confirm-button.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { useAnnounceChoice, type AnnounceRequest } from './announce-choice-model.js';
import { AnnounceChoice } from './announce-choice.js';
import { fromLocalInput } from './local-time.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalM },
  schedule: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS, minWidth: 0 },
  when: { minWidth: 0, maxWidth: '100%' },
});

export interface EditorActionsProps {
  status: ItemStatus | null;
  busy: boolean;
  /** Whether publishing also offers announce now / at / not (not once the item has an announcement). */
  offerAnnounce: boolean;
  /** The item's expiry as typed (ISO), which an announcement must come before. */
  expiresAt: string | null;
  onSave: () => void;
  onPublish: (at?: string, announce?: AnnounceRequest) => void;
  onArchive: () => void;
}

/** How to announce, save, publish now, schedule (with a local date-time) and archive (after a confirmation). */
export function EditorActions({ status, busy, offerAnnounce, expiresAt, onSave, onPublish, onArchive }: EditorActionsProps) {
  const styles = useStyles();
  const { t } = useI18n();
  const [when, setWhen] = useState('');
  const [whenError, setWhenError] = useState<string | undefined>();
  const choice = useAnnounceChoice(t);
  // Publishing may stop to ask about the audience (a dialog without a trigger): focus comes back here.
  const restoreFocus = useRestoreFocusTarget();

  /** The announce request for an item going live at `notBefore`; undefined when the chosen time does not work. */
  const announceRequest = (notBefore: Date): AnnounceRequest | undefined =>
    offerAnnounce ? choice.resolve({ notBefore, expiresAt }) : null;

  const publishNow = () => {
    const request = announceRequest(new Date());
    if (request !== undefined) onPublish(undefined, request);
  };

  const schedule = () => {
    const at = fromLocalInput(when);
    if (!at || new Date(at).getTime() <= Date.now()) {
      setWhenError(t.pickDate);
      return;
    }
    setWhenError(undefined);
    const request = announceRequest(new Date(at));
    if (request !== undefined) onPublish(at, request);
  };

  return (
    <div className={styles.root}>
      {offerAnnounce ? <AnnounceChoice choice={choice} nowHint={t.announceNowHint} /> : null}
      <div className={styles.buttons}>
        <Button icon={<SaveRegular />} disabled={busy} onClick={onSave}>
          {status === null || status === 'draft' ? t.saveDraft : t.save}
        </Button>
        <Button appearance="primary" icon={<SendRegular />} disabled={busy} onClick={publishNow} {...restoreFocus}>
          {t.publishNow}
        </Button>
        <div className={styles.schedule}>
          <Field label={t.scheduleAt} className={styles.when} validationMessage={whenError} validationState={whenError ? 'error' : 'none'}>
            <Input type="datetime-local" value={when} onChange={(_, d) => setWhen(d.value)} />
          </Field>
          <Button icon={<CalendarClockRegular />} disabled={busy || !when} onClick={schedule} {...restoreFocus}>
            {t.schedule}
          </Button>
        </div>
        {status !== null && status !== 'archived' ? (
          <ConfirmButton
            icon={<ArchiveRegular />}
            label={t.archive}
            disabled={busy}
            title={t.archiveConfirmTitle}
            body={t.archiveConfirmBody}
            keepLabel={t.cancel}
            onConfirm={onArchive}
          />
        ) : null}
      </div>
    </div>
  );
}
