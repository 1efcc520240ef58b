-- Imports match items to posts by the item's guid first.
create index ix_post_source_guid on post (source_guid);
