-- The cross-link graph: every link in a post's stored HTML, extracted on write. Targets are kept
-- as (type, slug) and resolved when read, through indexes, so a link to a post that does not exist
-- yet resolves the moment it is created, and one to a deleted post turns broken at once.
create table post_link (
    id          uuid          not null primary key,
    post_id     uuid          not null,
    position    integer       not null,
    href        varchar(2000) not null,
    text        varchar(1000) not null,
    kind        varchar(16)   not null,
    -- For internal links: what the path names (post, category or tag) and the slug in it.
    -- Both null for an internal path under a known prefix that fits no pattern (always broken).
    target_type varchar(16),
    target_slug varchar(200),
    constraint fk_post_link_post foreign key (post_id) references post (id) on delete cascade,
    constraint ck_post_link_kind check (kind in ('internal', 'external')),
    constraint ck_post_link_target check (target_type is null or target_type in ('post', 'category', 'tag'))
);
create index ix_post_link_post on post_link (post_id);
create index ix_post_link_target on post_link (target_type, target_slug);
