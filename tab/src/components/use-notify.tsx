import { Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import { useCallback } from 'react';

export const TOASTER_ID = 'chorus-toaster';

/** Short confirmations ("Saved") and failures that do not belong to one field. */
export function useNotify() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (intent: 'success' | 'error' | 'warning' | 'info', text: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent, timeout: 5000 },
      ),
    [dispatchToast],
  );
}
