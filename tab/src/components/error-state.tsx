import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError } from '../api.js';
import type { Strings } from '../i18n/index.js';
import { useI18n } from '../i18n/i18n-context.js';

/** A sentence for any error: 403 and lost connections get our own words, the rest the server's. */
export function errorText(error: unknown, t: Strings): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return t.forbidden;
    if (error.code === 'network') return t.networkError;
    return error.message;
  }
  return error instanceof Error ? error.message : t.errorTitle;
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <MessageBar intent={forbidden ? 'warning' : 'error'} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{forbidden ? t.forbidden : t.errorTitle}</MessageBarTitle>
        {forbidden ? null : errorText(error, t)}
      </MessageBarBody>
      {onRetry && !forbidden ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t.retry}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
