// The audience of an item or a session against the people in the directory (issue 14 §2),
// as SQL over two text arrays — a row's columns (`i.audience_departments`) or parameters
// (`$1::text[]`). People who left never count.

type Holder = 'department' | 'location';

/** The values of the text array `values` that no person (who has not left) holds as their department or location. */
export const valuesNobodyHolds = (values: string, as: Holder) =>
  `select v from unnest(${values}) v where not exists (select 1 from people p where p.${as} = v and p.left_at is null)`;

/** Departments, then locations, that nobody holds: renamed or gone in the directory, or mistyped. */
export const staleAudience = (departments: string, locations: string) =>
  `array(${valuesNobodyHolds(departments, 'department')} union all ${valuesNobodyHolds(locations, 'location')})`;

/** Person `p` is in these departments and locations (text[] expressions; empty: everyone). */
export const inGroups = (departments: string, locations: string, p = 'p') =>
  `(cardinality(${departments}) = 0 or ${p}.department = any(${departments}))
   and (cardinality(${locations}) = 0 or ${p}.location = any(${locations}))`;

/** Person `p` (who has not left) is in the audience; empty arrays: everyone. */
export const inAudience = (departments: string, locations: string, p = 'p') => `${p}.left_at is null and ${inGroups(departments, locations, p)}`;

/** An audience narrower than everyone that nobody (who has not left) is in. */
export const reachesNobody = (departments: string, locations: string) =>
  `(cardinality(${departments}) + cardinality(${locations}) > 0 and not exists (select 1 from people p where ${inAudience(departments, locations)}))`;
