import { Badge, Body1, Button, Caption1, Card, Checkbox, Field, Input, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular, EditRegular, StopRegular } from '@fluentui/react-icons';
import { ENDPOINTS, type AdminCampaign } from '@contract';
import { useEffect, useState } from 'react';
import { AdminSection } from '../../components/admin-section.js';
import { CampaignProgress } from '../../components/campaign-progress.js';
import { ConfirmButton } from '../../components/confirm-button.js';
import { ErrorState, errorText } from '../../components/error-state.js';
import { fieldProps } from '../../components/form-fields.js';
import { LoadMore } from '../../components/load-more.js';
import { LoadingState } from '../../components/loading-state.js';
import { PageHeader } from '../../components/page-header.js';
import { useNotify } from '../../components/use-notify.js';
import { useSaveForm } from '../../components/use-save-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint, useInvalidate } from '../../query/use-endpoint.js';
import { usePagedEndpoint } from '../../query/use-paged-endpoint.js';
import { useCan, useSession } from '../../session.js';
import { CampaignEditor } from './campaign-editor.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { display: 'grid', gap: tokens.spacingVerticalM, margin: 0, padding: 0, listStyleType: 'none' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
});

/** Admins and editors: create, change, end and delete campaigns; set the disclosure text. */
export function CampaignsAdminPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const can = useCan();
  const [editing, setEditing] = useState<AdminCampaign | 'new' | null>(null);
  const list = usePagedEndpoint(ENDPOINTS.adminCampaigns, { query: { limit: 50 } }, (c) => c.id);
  const invalidate = useInvalidate();
  const saved = () => {
    setEditing(null);
    void invalidate(ENDPOINTS.adminCampaigns, ENDPOINTS.campaigns);
  };

  return (
    <div className={styles.root}>
      <PageHeader
        heading={t.campaignsAdminTitle}
        intro={t.campaignsAdminIntro}
        actions={
          <Button appearance="primary" icon={<AddRegular />} onClick={() => setEditing('new')} disabled={editing !== null}>
            {t.campaignNew}
          </Button>
        }
      />
      {editing === 'new' ? <CampaignEditor onSaved={saved} onCancel={() => setEditing(null)} /> : null}
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ok' && list.items.length === 0 ? <Body1>{t.campaignsAdminEmpty}</Body1> : null}
      {list.status === 'ok' && list.items.length > 0 ? (
        <ul className={styles.list} aria-label={t.campaignsAdminTitle}>
          {list.items.map((c) =>
            editing !== 'new' && editing?.id === c.id ? (
              <li key={c.id}>
                <CampaignEditor campaign={c} onSaved={saved} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li key={c.id}>
                <CampaignRow campaign={c} onEdit={() => setEditing(c)} onChanged={saved} />
              </li>
            ),
          )}
        </ul>
      ) : null}
      <LoadMore list={list} />
      {can('disclosure.manage') ? <DisclosureSettings /> : null}
    </div>
  );
}

function CampaignRow({ campaign: c, onEdit, onChanged }: { campaign: AdminCampaign; onEdit: () => void; onChanged: () => void }) {
  const styles = useStyles();
  const { t, dateTime } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const act = async (action: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await action();
      notify('success', done);
      onChanged();
    } catch (err) {
      notify('error', errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const id = c.id;
  // Ending is a change of the end to now; the rest stays as it is.
  const endNow = () =>
    act(
      () =>
        api.updateCampaign({
          params: { id },
          body: { name: c.name, description: c.description, startsAt: c.startsAt, endsAt: new Date().toISOString(), itemIds: c.itemIds, topic: c.topic, goal: c.goal, prize: c.prize },
        }),
      t.campaignEndedToast,
    );
  return (
    <Card className={styles.card} aria-label={c.name}>
      <div className={styles.head}>
        <Subtitle2 as="h3">{c.name}</Subtitle2>
        <Badge appearance="tint" color={c.status === 'running' ? 'success' : c.status === 'scheduled' ? 'informative' : 'subtle'}>
          {t.campaignStatuses[c.status]}
        </Badge>
        {c.resultsPlannedAt ? <Badge appearance="outline">{t.campaignResultsSent}</Badge> : null}
      </div>
      <Caption1>
        {dateTime(c.startsAt)} – {dateTime(c.endsAt)}
      </Caption1>
      <CampaignProgress campaign={c} compact />
      {c.prize ? (
        <Body1>
          <strong>{t.campaignPrize}</strong> {c.prize}
        </Body1>
      ) : null}
      <div className={styles.actions}>
        {c.resultsPlannedAt ? null : (
          <Button icon={<EditRegular />} aria-label={t.campaignEditAria(c.name)} onClick={onEdit} disabled={busy}>
            {t.campaignEdit}
          </Button>
        )}
        {c.status === 'running' ? (
          <ConfirmButton
            icon={<StopRegular />}
            label={t.campaignEndNow}
            ariaLabel={t.campaignEndAria(c.name)}
            disabled={busy}
            title={t.campaignEndTitle}
            body={t.campaignEndBody}
            keepLabel={t.cancel}
            onConfirm={() => void endNow()}
          />
        ) : null}
        <ConfirmButton
          icon={<DeleteRegular />}
          label={t.campaignRemove}
          ariaLabel={t.campaignRemoveAria(c.name)}
          disabled={busy}
          title={t.campaignRemoveTitle}
          body={t.campaignRemoveBody}
          keepLabel={t.cancel}
          onConfirm={() => void act(() => api.removeCampaign({ params: { id } }), t.campaignRemovedToast)}
        />
      </div>
    </Card>
  );
}

function DisclosureSettings() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const settings = useEndpoint(ENDPOINTS.disclosure, undefined, { fresh: true });
  const [text, setText] = useState('');
  const [removable, setRemovable] = useState(false);
  const { fields, busy, save } = useSaveForm(t.campaignInvalid);
  const loaded = settings.data;
  useEffect(() => {
    if (!loaded) return;
    setText(loaded.text);
    setRemovable(loaded.removable);
  }, [loaded]);
  const invalidate = useInvalidate();

  return (
    <AdminSection heading={t.disclosureHeading} intro={t.disclosureIntro}>
      {settings.state === 'error' ? <ErrorState error={settings.error} onRetry={settings.reload} /> : null}
      {loaded ? (
        <form
          className={styles.form}
          aria-label={t.disclosureHeading}
          onSubmit={(e) => {
            e.preventDefault();
            void save(async () => {
              await api.saveDisclosure({ body: { text, removable } });
              notify('success', t.disclosureSavedToast);
              await invalidate(ENDPOINTS.disclosure, ENDPOINTS.campaigns);
            });
          }}
        >
          <Body1>{loaded.text.trim() === '' ? t.disclosureUnset : loaded.applies ? t.disclosureApplies : t.disclosureDormant}</Body1>
          <Field label={t.disclosureFieldText} hint={t.disclosureTextHint} {...fieldProps(fields.text)}>
            <Input value={text} onChange={(_, d) => setText(d.value)} maxLength={100} />
          </Field>
          <Checkbox checked={removable} label={t.disclosureFieldRemovable} onChange={(_, d) => setRemovable(d.checked === true)} />
          <div>
            <Button type="submit" appearance="primary" disabled={busy}>
              {t.disclosureSave}
            </Button>
          </div>
        </form>
      ) : null}
    </AdminSection>
  );
}
