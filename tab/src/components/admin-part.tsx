import { Divider } from '@fluentui/react-components';
import type { Permission } from '@contract';
import { Suspense, type ReactNode } from 'react';
import { useCan } from '../session.js';
import { LoadingState } from './loading-state.js';

/**
 * The admin part under a page, for those who may `permission` only: set off by a divider,
 * and loaded on first use (`children` are lazy components), with a spinner meanwhile.
 */
export function AdminPart({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  if (!can(permission)) return null;
  return (
    <>
      <Divider />
      <Suspense fallback={<LoadingState />}>{children}</Suspense>
    </>
  );
}
