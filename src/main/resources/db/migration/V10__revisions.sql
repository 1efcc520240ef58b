-- Revisions (CONTRACT section 10, dev.crosslink.revision): every successful post write records
-- the post's editable content, in the writing transaction. Numbers count per post from 1 and
-- never repeat (the bound cms.revisions.keep deletes the oldest, never renumbers). A post written
-- before this migration gets its first revision on its next write.
create table post_revision (
    id           uuid                     not null primary key,
    post_id      uuid                     not null,
    number       integer                  not null,
    created_at   timestamp with time zone not null,
    actor        varchar(100),
    source       varchar(16)              not null,
    title        varchar(300)             not null,
    markdown     varchar(1048576)         not null,
    slug         varchar(200)             not null,
    excerpt      varchar(1000),
    status       varchar(16)              not null,
    published_at timestamp with time zone,
    author       varchar(200)             not null,
    category     varchar(200),
    -- The tags' slugs as a JSON array, in the post's order.
    tags         varchar(1048576)         not null,
    constraint uk_post_revision_number unique (post_id, number),
    constraint fk_post_revision_post foreign key (post_id) references post (id) on delete cascade,
    constraint ck_post_revision_source check (source in ('api', 'import', 'restore', 'rerender')),
    constraint ck_post_revision_status check (status in ('draft', 'scheduled', 'published'))
);
