-- H2 gives a foreign key an index of its own unless one already covers its columns. These keys were
-- declared inside create table, before the index meant to serve them, so on H2 each of these
-- columns had two indexes (post_word.post_id: FK_POST_WORD_POST_INDEX and ix_post_word_post), all
-- rewritten on every write: for post_word that is a few hundred rows per post, and every durable
-- commit rewrites their B-tree leaves (docs/benchmarks.md, the H2 file). Declared again now that
-- the index exists, H2 uses it and drops the one it made. (H2 reuses only an index of exactly the
-- key's columns; where a longer index starts with them, it keeps its own, so those stay.)
-- PostgreSQL never makes such indexes: there this re-checks each key once and changes nothing else.
alter table post_word drop constraint fk_post_word_post;
alter table post_word add constraint fk_post_word_post foreign key (post_id) references post (id) on delete cascade;
alter table post_link drop constraint fk_post_link_post;
alter table post_link add constraint fk_post_link_post foreign key (post_id) references post (id) on delete cascade;
alter table post_tag drop constraint fk_post_tag_tag;
alter table post_tag add constraint fk_post_tag_tag foreign key (tag_id) references tag (id) on delete cascade;
alter table post_former_slug drop constraint fk_former_slug_post;
alter table post_former_slug add constraint fk_former_slug_post foreign key (post_id) references post (id) on delete cascade;
