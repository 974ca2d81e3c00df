import { Button, Field, Textarea } from '@fluentui/react-components';
import { HeartRegular } from '@fluentui/react-icons';
import { ENDPOINTS } from '@contract';
import { useState } from 'react';
import { ActionDialog } from '../../components/action-dialog.js';
import { fieldProps } from '../../components/form-fields.js';
import { useNotify } from '../../components/use-notify.js';
import { useSaveForm } from '../../components/use-save-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useInvalidate } from '../../query/use-endpoint.js';
import { useSession } from '../../session.js';

const MAX = 500;

/** For admins, per board entry: a personal thank-you card to whoever is behind it (by the entry id only). */
export function SayThanks({ boardId, name }: { boardId: string; name: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const invalidate = useInvalidate();
  const form = useSaveForm(t.thanksInvalid);
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');

  const send = () =>
    form.save(async () => {
      await api.sendThanks({ body: { boardId, message } });
      await invalidate(ENDPOINTS.shownThanks);
      notify('success', t.thanksSent);
      setMessage('');
      setOpen(false);
    });

  return (
    <ActionDialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button size="small" appearance="subtle" icon={<HeartRegular />} aria-label={t.sayThanksTo(name)}>
          {t.sayThanks}
        </Button>
      }
      title={t.sayThanksTo(name)}
      cancelLabel={t.thanksCancel}
      confirmLabel={t.sendThanks}
      confirmDisabled={form.busy || message.trim() === '' || message.length > MAX}
      onConfirm={() => void send()}
    >
      <Field label={t.thanksMessage} hint={t.thanksMessageHint} {...fieldProps(form.fields.message)}>
        <Textarea value={message} maxLength={MAX} resize="vertical" onChange={(_, data) => setMessage(data.value)} />
      </Field>
    </ActionDialog>
  );
}
