import type { FieldProps } from '@fluentui/react-components';
import { messageFor, type FieldErrors } from './item-form-model.js';

export interface Messages {
  errors: FieldErrors;
  warnings: FieldErrors;
}

/** Fluent Field props for one field: an error wins over a warning. */
export function validation(messages: Messages, field: string): Pick<FieldProps, 'validationState' | 'validationMessage'> {
  const error = messageFor(messages.errors, field);
  if (error) return { validationState: 'error', validationMessage: error };
  const warning = messageFor(messages.warnings, field);
  if (warning) return { validationState: 'warning', validationMessage: warning };
  return { validationState: 'none' };
}
