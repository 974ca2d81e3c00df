import { Button } from '@fluentui/react-components';
import { CompassNorthwestRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../components/empty-state.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { navigate } from '../../routing.js';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <EmptyState
      icon={<CompassNorthwestRegular />}
      title={t.notFoundTitle}
      body={t.notFoundBody}
      action={<Button onClick={() => navigate({ page: 'share' })}>{t.goToShare}</Button>}
    />
  );
}
