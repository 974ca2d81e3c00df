// Issue 12 review: the disclosure stays in posts unless the admins allow removing it, so
// "removable" starts off. A row nobody has set yet (no text) takes the new default.
export const sql = /* sql */ `
alter table disclosure_settings alter column removable set default false;
update disclosure_settings set removable = false where text = '';
`;
