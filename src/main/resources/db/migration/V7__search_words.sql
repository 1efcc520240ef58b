-- The text search index (dev.crosslink.search): each post's distinct words, case and accents
-- folded, with a weight for relevance. Kept on write in the writing transaction; posts written
-- before this migration are indexed by post/SearchBackfill after startup. Looked up by word,
-- so a search costs what the posts with its words cost, not what the site does.
create table post_word (
    word    varchar(64) not null,
    post_id uuid        not null,
    weight  integer     not null,
    constraint pk_post_word primary key (word, post_id),
    constraint fk_post_word_post foreign key (post_id) references post (id) on delete cascade
);
create index ix_post_word_post on post_word (post_id);
