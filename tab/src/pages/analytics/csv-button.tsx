import { Button } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { saveFile } from '../../components/save-file.js';
import { useNotify } from '../../components/use-notify.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { useSession } from '../../session.js';

/** Downloads one dashboard table as CSV (the API wants the bearer token, so it comes as a Blob). */
export function CsvButton({ path, query, fileName, label }: { path: 'overview' | 'breakdown' | 'funnel'; query: Record<string, string | undefined>; fileName: string; label?: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      saveFile(await api.analyticsCsv(path, query), fileName);
    } catch {
      notify('error', t.downloadFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button size="small" icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void download()} aria-label={label ? `${t.downloadCsv}: ${label}` : undefined}>
      {t.downloadCsv}
    </Button>
  );
}
