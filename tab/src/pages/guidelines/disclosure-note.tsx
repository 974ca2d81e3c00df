import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ENDPOINTS } from '@contract';
import { useI18n } from '../../i18n/i18n-context.js';
import { useEndpoint } from '../../query/use-endpoint.js';

/** While a disclosure applies: a short note on why posts carry it, and whether it may go. */
export function DisclosureNote() {
  const { t } = useI18n();
  const disclosure = useEndpoint(ENDPOINTS.campaigns).data?.disclosure;
  if (!disclosure) return null;
  return (
    <MessageBar intent="info" data-disclosure-note>
      <MessageBarBody>
        <MessageBarTitle>{t.guidelinesDisclosureTitle}</MessageBarTitle>
        {t.guidelinesDisclosureBody(disclosure.text)} {disclosure.removable ? t.guidelinesDisclosureRemovable : t.guidelinesDisclosureKept}
      </MessageBarBody>
    </MessageBar>
  );
}
