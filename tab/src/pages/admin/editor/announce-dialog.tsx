import { Button } from '@fluentui/react-components';
import { MegaphoneRegular } from '@fluentui/react-icons';
import type { AdminItem } from '@contract';
import { useState } from 'react';
import { ActionDialog } from '../../../components/action-dialog.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { itemAudienceNotes } from '../item-audience.js';
import { useAnnounceChoice, type AnnounceRequest } from './announce-choice-model.js';
import { AnnounceChoice } from './announce-choice.js';
import type { AnnounceOutcome } from './use-item-editor.js';

export interface AnnounceDialogProps {
  item: Pick<AdminItem, 'live' | 'publishAt' | 'expiresAt' | 'staleAudience' | 'reachesNobody'>;
  busy: boolean;
  onAnnounce: (request: NonNullable<AnnounceRequest>) => Promise<AnnounceOutcome>;
}

/**
 * "Announce" for an item that is published or scheduled but not announced: now or at a time.
 * An audience of nobody, or values nobody holds any more, is said first (issue 14 §2).
 */
export function AnnounceDialog({ item, busy, onAnnounce }: AnnounceDialogProps) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const choice = useAnnounceChoice(t);
  const waitingToGoLive = !item.live && item.publishAt !== null;

  const confirm = async () => {
    // As the server sees it: not before the item's publish time (or now, without one).
    const notBefore = item.publishAt ? new Date(item.publishAt) : new Date();
    const request = choice.resolve({ notBefore, expiresAt: item.expiresAt });
    if (!request) return;
    const outcome = await onAnnounce(request);
    if (outcome.ok) setOpen(false);
    else if (outcome.atError) choice.setError(outcome.atError);
  };

  return (
    <ActionDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button icon={<MegaphoneRegular />} disabled={busy}>
          {t.announceButton}
        </Button>
      }
      title={t.announceDialogTitle}
      warning={itemAudienceNotes(item, t).announceWarning}
      cancelLabel={t.cancel}
      confirmLabel={t.announceConfirm}
      confirmDisabled={busy}
      onConfirm={() => void confirm()}
    >
      <AnnounceChoice choice={choice} allowNone={false} nowHint={waitingToGoLive ? t.announceNowHint : undefined} />
    </ActionDialog>
  );
}
