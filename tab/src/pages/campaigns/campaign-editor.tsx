import { Checkbox, Field, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { CAMPAIGN_METRICS, ENDPOINTS, type AdminCampaign, type CampaignInput, type CampaignMetric } from '@contract';
import { useState } from 'react';
import { AdminForm } from '../../components/admin-form.js';
import { useAdminFormStyles } from '../../components/admin-styles.js';
import { fieldProps } from '../../components/form-fields.js';
import { useNotify } from '../../components/use-notify.js';
import { useSaveForm } from '../../components/use-save-form.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint } from '../../query/use-endpoint.js';
import { useSession } from '../../session.js';

/** An instant as a `datetime-local` value in this browser's time zone, and back. */
export const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : value);

export interface CampaignEditorProps {
  campaign?: AdminCampaign;
  onSaved: () => void;
  onCancel: () => void;
}

/** Name, window, what it covers (a topic or chosen items), goal and prize of one campaign. */
export function CampaignEditor({ campaign, onSaved, onCancel }: CampaignEditorProps) {
  const styles = useAdminFormStyles();
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const topics = useEndpoint(ENDPOINTS.topics);
  const items = useEndpoint(ENDPOINTS.adminItems, { query: { status: 'published', limit: 100 } });
  const [name, setName] = useState(campaign?.name ?? '');
  const [description, setDescription] = useState(campaign?.description ?? '');
  const [startsAt, setStartsAt] = useState(toLocalInput(campaign?.startsAt ?? new Date().toISOString()));
  const [endsAt, setEndsAt] = useState(toLocalInput(campaign?.endsAt ?? new Date(Date.now() + 14 * 86_400_000).toISOString()));
  const [coverBy, setCoverBy] = useState<'topic' | 'items'>(campaign && campaign.itemIds.length > 0 ? 'items' : 'topic');
  const [topic, setTopic] = useState(campaign?.topic ?? '');
  const [itemIds, setItemIds] = useState<string[]>(campaign?.itemIds ?? []);
  const [metric, setMetric] = useState<CampaignMetric>(campaign?.goal.metric ?? 'shares');
  const [target, setTarget] = useState(String(campaign?.goal.target ?? 50));
  const [prize, setPrize] = useState(campaign?.prize ?? '');
  const { fields, busy, save } = useSaveForm(t.campaignInvalid);
  const topicList = topics.data?.items ?? [];
  const chosenTopic = topic || topicList[0]?.id || '';

  const submit = async () => {
    const input: CampaignInput = {
      name,
      description,
      startsAt: fromLocalInput(startsAt),
      endsAt: fromLocalInput(endsAt),
      itemIds: coverBy === 'items' ? itemIds : [],
      topic: coverBy === 'topic' ? chosenTopic || null : null,
      goal: { metric, target: Number(target) },
      prize: prize.trim() || null,
    };
    await save(async () => {
      await (campaign ? api.updateCampaign({ params: { id: campaign.id }, body: input }) : api.createCampaign({ body: input }));
      notify('success', campaign ? t.campaignSavedToast : t.campaignCreatedToast);
      onSaved();
    });
  };
  const error = (field: string) => fieldProps(fields[field]);

  return (
    <AdminForm
      label={campaign ? t.campaignFormAria(campaign.name) : t.campaignNewFormAria}
      submitLabel={campaign ? t.campaignSave : t.campaignCreate}
      busy={busy}
      noValidate
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      <Field label={t.campaignFieldName} required {...error('name')}>
        <Input value={name} onChange={(_, d) => setName(d.value)} maxLength={80} />
      </Field>
      <Field label={t.campaignFieldDescription} {...error('description')}>
        <Textarea value={description} onChange={(_, d) => setDescription(d.value)} maxLength={1000} resize="vertical" />
      </Field>
      <div className={styles.pair}>
        <Field label={t.campaignFieldStarts} required {...error('startsAt')}>
          <Input type="datetime-local" value={startsAt} onChange={(_, d) => setStartsAt(d.value)} />
        </Field>
        <Field label={t.campaignFieldEnds} required {...error('endsAt')}>
          <Input type="datetime-local" value={endsAt} onChange={(_, d) => setEndsAt(d.value)} />
        </Field>
      </div>
      <Field label={t.campaignFieldCovers}>
        <RadioGroup layout="horizontal" value={coverBy} onChange={(_, d) => setCoverBy(d.value as 'topic' | 'items')}>
          <Radio value="topic" label={t.campaignCoversTopic} />
          <Radio value="items" label={t.campaignCoversItems} />
        </RadioGroup>
      </Field>
      {coverBy === 'topic' ? (
        <Field label={t.campaignFieldTopic} {...error('topic')}>
          <Select value={chosenTopic} onChange={(_, d) => setTopic(d.value)}>
            {topicList.map((tp) => (
              <option key={tp.id} value={tp.id}>
                {tp.name}
              </option>
            ))}
          </Select>
        </Field>
      ) : (
        <Field label={t.campaignFieldItems} {...error('itemIds')}>
          <div role="group" aria-label={t.campaignFieldItems}>
            {(items.data?.items ?? []).length === 0 ? t.campaignNoItems : null}
            {(items.data?.items ?? []).map((item) => (
              <Checkbox
                key={item.id}
                label={item.title}
                checked={itemIds.includes(item.id)}
                onChange={(_, d) => setItemIds((ids) => (d.checked ? [...ids, item.id] : ids.filter((id) => id !== item.id)))}
              />
            ))}
          </div>
        </Field>
      )}
      <div className={styles.pair}>
        <Field label={t.campaignFieldMetric} {...error('goal.metric')}>
          <Select value={metric} onChange={(_, d) => setMetric(d.value as CampaignMetric)}>
            {CAMPAIGN_METRICS.map((m) => (
              <option key={m} value={m}>
                {t.campaignMetricNames[m]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.campaignFieldTarget} required {...error('goal.target')}>
          <Input type="number" min={1} step={1} value={target} onChange={(_, d) => setTarget(d.value)} />
        </Field>
      </div>
      <Field label={t.campaignFieldPrize} hint={t.campaignPrizeHint} {...error('prize')}>
        <Input value={prize} onChange={(_, d) => setPrize(d.value)} maxLength={200} />
      </Field>
    </AdminForm>
  );
}
