import { Badge, Tooltip } from '@fluentui/react-components';
import { PeopleErrorRegular } from '@fluentui/react-icons';

/**
 * A warning badge on an admin row whose audience has gone out of date or reaches nobody
 * (issue 14 §2); the hint says why and what to do. Focusable, so keyboards reach the hint.
 */
export function AudienceFlag({ label, hint }: { label: string; hint: string }) {
  return (
    <Tooltip content={hint} relationship="description">
      <Badge appearance="tint" color="warning" icon={<PeopleErrorRegular />} tabIndex={0}>
        {label}
      </Badge>
    </Tooltip>
  );
}
