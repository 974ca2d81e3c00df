import type { Language, Training, TrainingInput } from '@contract';
import { fromLocalInput, toLocalInput } from '../admin/editor/local-time.js';
import { browserTimeZone } from './training-time.js';

/** The session form as typed: times as datetime-local values in the admin's own zone. */
export interface TrainingForm {
  title: string;
  description: string;
  start: string;
  end: string;
  timeZone: string;
  meetingUrl: string;
  room: string;
  capacity: string;
  language: Language;
  departments: string[];
  locations: string[];
  host: string;
  materialsUrl: string;
}

export function newTrainingForm(language: Language, host: string): TrainingForm {
  return {
    title: '', description: '', start: '', end: '', timeZone: browserTimeZone(), meetingUrl: '', room: '', capacity: '20',
    language, departments: [], locations: [], host, materialsUrl: '',
  };
}

export function trainingFormOf(s: Training): TrainingForm {
  return {
    title: s.title,
    description: s.description,
    start: toLocalInput(s.startsAt),
    end: toLocalInput(s.endsAt),
    timeZone: s.timeZone,
    meetingUrl: s.meetingUrl ?? '',
    room: s.room ?? '',
    capacity: String(s.capacity),
    language: s.language,
    departments: s.audience.departments,
    locations: s.audience.locations,
    host: s.host,
    materialsUrl: s.materialsUrl ?? '',
  };
}

/**
 * The request body, or messages for required fields left empty (times and seats cannot be
 * sent without a value). Everything else the server checks; its `fields` are shown next to the inputs.
 */
export function trainingInputOf(form: TrainingForm, required: string): { input: TrainingInput } | { errors: Record<string, string> } {
  const startsAt = fromLocalInput(form.start);
  const endsAt = fromLocalInput(form.end);
  const capacity = form.capacity.trim() === '' ? Number.NaN : Number(form.capacity);
  const errors: Record<string, string> = {};
  // Checked here too so that one round shows every missing field, not these first.
  if (!form.title.trim()) errors.title = required;
  if (!form.host.trim()) errors.host = required;
  if (!startsAt) errors.startsAt = required;
  if (!endsAt) errors.endsAt = required;
  if (Number.isNaN(capacity)) errors.capacity = required;
  if (!startsAt || !endsAt || Object.keys(errors).length > 0) return { errors };
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    input: {
      title: form.title,
      description: form.description,
      startsAt,
      endsAt,
      timeZone: form.timeZone,
      meetingUrl: orNull(form.meetingUrl),
      room: orNull(form.room),
      capacity,
      language: form.language,
      audience: { departments: form.departments, locations: form.locations },
      host: form.host,
      materialsUrl: orNull(form.materialsUrl),
    },
  };
}

/** The server's message for a field or any of its sub-fields (`audience.departments.0`). */
export function fieldError(fields: Record<string, string>, name: string): string | undefined {
  const key = Object.keys(fields).find((k) => k === name || k.startsWith(`${name}.`));
  return key ? fields[key] : undefined;
}
