// Issue 10: posting the same share page again recorded another share (20 POSTs, 20 shares).
// A person sharing an item to a network is one share; a second post only moves its time.
// Existing repeats are folded into the first row, which takes the latest time and whether
// any of the posts was edited.
export const sql = /* sql */ `
with ranked as (
  select id, item_id, person_id, network,
    row_number() over (partition by item_id, person_id, network order by created_at, id) as n,
    max(created_at) over (partition by item_id, person_id, network) as latest,
    bool_or(edited) over (partition by item_id, person_id, network) as any_edited
  from shares
)
update shares s set created_at = r.latest, edited = r.any_edited
from ranked r where r.id = s.id and r.n = 1;

delete from shares s using (
  select id, row_number() over (partition by item_id, person_id, network order by created_at, id) as n from shares
) r where r.id = s.id and r.n > 1;

create unique index shares_once_per_network on shares (item_id, person_id, network);
`;
