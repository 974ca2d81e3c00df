import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import type { AdminItem, Announcement, AudienceChoices, Topic } from '@contract';
import { PageHeader } from '../../../components/page-header.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { navigate } from '../../../routing.js';
import { StatusBadges } from '../status-badge.js';
import { AudienceFields } from './audience-fields.js';
import { EditorActions } from './editor-actions.js';
import { ItemAnnouncement } from './item-announcement.js';
import { ItemFields } from './item-fields.js';
import { fromLocalInput } from './local-time.js';
import { ItemPreview } from './item-preview.js';
import { PostsFields } from './posts-fields.js';
import { PublishCheckDialog } from './publish-check-dialog.js';
import { useItemEditor } from './use-item-editor.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 22rem)',
    alignItems: 'start',
    gap: tokens.spacingHorizontalXXL,
    '@media (max-width: 52rem)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  form: { minWidth: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  aside: { minWidth: 0, position: 'sticky', top: tokens.spacingVerticalL, '@media (max-width: 52rem)': { position: 'static' } },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ItemEditorProps {
  initial: AdminItem | null;
  /** The item's latest announcement, if it has one. */
  initialAnnouncement: Announcement | null;
  topics: Topic[];
  audiences: AudienceChoices;
}

/** Items that are not out yet may be announced as part of publishing; the rest use "Announce". */
const PUBLISH_ANNOUNCES = new Set([null, 'draft', 'archived']);

export function ItemEditor({ initial, initialAnnouncement, topics, audiences }: ItemEditorProps) {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const editor = useItemEditor(initial, initialAnnouncement, lang);
  const announced = editor.announcement !== null && editor.announcement.status !== 'cancelled';
  const offerAnnounce = PUBLISH_ANNOUNCES.has(editor.item?.status ?? null) && !announced;
  const messages = { errors: editor.errors, warnings: editor.warnings };
  const general = Object.entries(editor.warnings).filter(([field]) => field === 'posts' || field === '_' || field.startsWith('audience'));

  return (
    <div className={styles.root}>
      <PageHeader
        heading={editor.item ? t.editorEditTitle : t.editorNewTitle}
        actions={
          <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => navigate({ page: 'admin-items' })}>
            {t.backToItems}
          </Button>
        }
      />
      {editor.item ? (
        <div className={styles.badges} aria-label={t.statusLine(t.statuses[editor.item.status])} role="group">
          <StatusBadges item={editor.item} />
        </div>
      ) : null}
      {general.length > 0 ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.warningsTitle}</MessageBarTitle>
            {general.map(([field, message]) => (
              <div key={field}>{message}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.layout}>
        <div className={styles.form}>
          <ItemFields form={editor.form} update={editor.update} messages={messages} topics={topics} />
          <AudienceFields form={editor.form} update={editor.update} messages={messages} audiences={audiences} />
          <PostsFields form={editor.form} update={editor.update} messages={messages} />
          <EditorActions
            status={editor.item?.status ?? null}
            busy={editor.busy}
            offerAnnounce={offerAnnounce}
            expiresAt={fromLocalInput(editor.form.expiresAt)}
            onSave={editor.save}
            onPublish={editor.publish}
            onArchive={editor.archive}
          />
          <PublishCheckDialog check={editor.publishCheck} onConfirm={editor.confirmPublish} onCancel={editor.cancelPublish} />
          <ItemAnnouncement item={editor.item} announcement={editor.announcement} busy={editor.busy} onAnnounce={editor.announce} />
        </div>
        <aside className={styles.aside}>
          <ItemPreview form={editor.form} topics={topics} />
        </aside>
      </div>
    </div>
  );
}
