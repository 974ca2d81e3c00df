import {
  BoxRegular,
  BriefcaseRegular,
  CalendarLtrRegular,
  DocumentTextRegular,
  SparkleRegular,
  VideoRegular,
} from '@fluentui/react-icons';
import type { ItemKind } from '@contract';

const ICONS: Record<ItemKind, typeof DocumentTextRegular> = {
  article: DocumentTextRegular,
  job: BriefcaseRegular,
  event: CalendarLtrRegular,
  video: VideoRegular,
  product: BoxRegular,
  other: SparkleRegular,
};

export function KindIcon({ kind }: { kind: ItemKind }) {
  const Icon = ICONS[kind];
  return <Icon aria-hidden="true" />;
}
