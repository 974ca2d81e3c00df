/**
 * Whether step `s` is done for person `<person>`: ticked by hand, or seen by Chorus
 * (a guideline acknowledged, a training registered for, a first share).
 */
export const ONBOARDING_DONE_SQL = (person: string) => `case s.kind
    when 'manual' then exists (select 1 from onboarding_progress g where g.person_id = ${person} and g.step_id = s.id)
    when 'guidelines' then exists (select 1 from guideline_acknowledgements a where a.person_id = ${person})
    when 'training' then exists (select 1 from training_registrations r where r.person_id = ${person} and r.status in ('registered', 'waitlisted'))
    when 'first_share' then exists (select 1 from links l where l.person_id = ${person})
  end`;
