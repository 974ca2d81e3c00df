// Issue 13 §6: the employee feed at company size.
// - Its order is "my language first, then newest first", and the only index was on
//   (publish_at, id): every request read and sorted all live items (10,000 in the bench)
//   to return 20. items_feed_idx gives each language's live items newest first, so the
//   feed reads a page from each language and stops there (storage/repos/feed.ts).
// - What the feed shows of an item (title, texts, suggested posts …) is the same for
//   everyone and changes only when an editor saves, so each process keeps it in memory and
//   asks with every page whether it is still right: `item_versions.items` grows with every
//   statement that writes items or their posts (any writer: the API, a script, another
//   instance), inside the writing transaction, so a new value becomes visible only with
//   the change it announces. Which items are on a page (live now, for me) is never cached.
export const sql = /* sql */ `
create index items_feed_idx on items (language, publish_at desc, id desc) where status in ('published', 'scheduled');

create table item_versions (
  id boolean primary key default true check (id),
  items bigint not null default 0
);
insert into item_versions (id) values (true);

create function items_changed() returns trigger language plpgsql as $$
begin
  update item_versions set items = items + 1 where id;
  return null;
end $$;

create trigger item_versions_items after insert or update or delete on items
  for each statement execute function items_changed();
create trigger item_versions_items_truncate after truncate on items
  for each statement execute function items_changed();
create trigger item_versions_posts after insert or update or delete on item_posts
  for each statement execute function items_changed();
create trigger item_versions_posts_truncate after truncate on item_posts
  for each statement execute function items_changed();
`;
