import { Spinner } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context.js';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useI18n();
  return <Spinner style={{ padding: '2rem 0' }} labelPosition="below" label={label ?? t.loading} />;
}
