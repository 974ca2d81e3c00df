// Issue 14 §2: the audience pickers count people per department and location, and every
// item in the admin list asks whether anyone (who has not left) still holds its audience's
// values — at 100,000 people, by index.
export const sql = /* sql */ `
create index people_department_idx on people (department) where left_at is null and department is not null;
create index people_location_idx on people (location) where left_at is null and location is not null;
`;
