import { Button } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState, type ReactElement, type ReactNode } from 'react';
import { useAdminListStyles } from './admin-styles.js';

type Open<K extends string> = { kind: K; id: string } | { kind: 'new' } | null;

/**
 * Which panel is open in an admin list: one row's (its editor, its history …) or the form
 * for a new entry — at most one at a time.
 */
export function useRowPanels<K extends string>() {
  const [open, setOpen] = useState<Open<K>>(null);
  const isOpen = (kind: K, id: string) => open !== null && 'id' in open && open.kind === kind && open.id === id;
  return {
    isOpen,
    isNew: open?.kind === 'new',
    toggle: (kind: K, id: string) => setOpen(isOpen(kind, id) ? null : { kind, id }),
    openNew: () => setOpen({ kind: 'new' }),
    close: () => setOpen(null),
  };
}

export type RowPanels<K extends string> = ReturnType<typeof useRowPanels<K>>;

export interface PanelButtonProps<K extends string> {
  panels: RowPanels<K>;
  kind: K;
  id: string;
  icon: ReactElement;
  label: string;
  /** Names the row too ("Edit: Social media basics"). */
  ariaLabel: string;
}

/** A row's button that opens its panel, and closes it again; says whether it is open. */
export function PanelButton<K extends string>({ panels, kind, id, icon, label, ariaLabel }: PanelButtonProps<K>) {
  return (
    <Button icon={icon} aria-label={ariaLabel} aria-expanded={panels.isOpen(kind, id)} onClick={() => panels.toggle(kind, id)}>
      {label}
    </Button>
  );
}

/**
 * "New …" under an admin list, which gives way to the form (`children`) while it is open;
 * while the form cannot show yet (children null: still loading), the button stays.
 */
export function NewEntry<K extends string>({ panels, label, children }: { panels: RowPanels<K>; label: string; children: ReactNode }) {
  const styles = useAdminListStyles();
  if (panels.isNew && children != null) return <>{children}</>;
  return (
    <div className={styles.actions}>
      <Button icon={<AddRegular />} onClick={panels.openNew}>
        {label}
      </Button>
    </div>
  );
}
