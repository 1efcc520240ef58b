-- Crosslink schema, version 1. Written in the SQL that H2 2.x and PostgreSQL 15 both accept.

create table category (
    id          uuid                     not null primary key,
    slug        varchar(200)             not null,
    name        varchar(200)             not null,
    description varchar(2000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint                   not null,
    constraint uk_category_slug unique (slug)
);

create table tag (
    id          uuid                     not null primary key,
    slug        varchar(200)             not null,
    name        varchar(200)             not null,
    description varchar(2000),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint                   not null,
    constraint uk_tag_slug unique (slug)
);

create table post (
    id                   uuid                     not null primary key,
    slug                 varchar(200)             not null,
    title                varchar(300)             not null,
    -- custom_excerpt is what the editor wrote (null: derive it); excerpt is what readers get.
    custom_excerpt       varchar(1000),
    excerpt              varchar(1000)            not null,
    markdown             varchar(1000000)         not null,
    -- Rendered and sanitized on write; reads serve it as is.
    html                 varchar(1000000)         not null,
    reading_time_minutes integer                  not null,
    status               varchar(16)              not null,
    published_at         timestamp with time zone,
    -- Fixed at first publication so feed guids survive slug changes.
    guid                 varchar(2000),
    author               varchar(200)             not null,
    category_id          uuid,
    source_kind          varchar(16)              not null,
    source_feed          varchar(2000),
    source_guid          varchar(2000),
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    created_by           varchar(100),
    updated_by           varchar(100),
    version              bigint                   not null,
    constraint uk_post_slug unique (slug),
    constraint fk_post_category foreign key (category_id) references category (id),
    constraint ck_post_status check (status in ('draft', 'scheduled', 'published'))
);
create index ix_post_status_published on post (status, published_at);
create index ix_post_published on post (published_at);
create index ix_post_updated on post (updated_at);
create index ix_post_title on post (title);
create index ix_post_category on post (category_id);

create table post_tag (
    post_id  uuid    not null,
    tag_id   uuid    not null,
    -- Tags keep the order the editor gave them (feeds list them in that order).
    position integer not null,
    primary key (post_id, tag_id),
    constraint fk_post_tag_post foreign key (post_id) references post (id) on delete cascade,
    constraint fk_post_tag_tag foreign key (tag_id) references tag (id) on delete cascade
);
create index ix_post_tag_tag on post_tag (tag_id);

-- A post keeps its former slugs so old URLs answer 301 and old links still resolve.
create table post_former_slug (
    slug       varchar(200)             not null primary key,
    post_id    uuid                     not null,
    retired_at timestamp with time zone not null,
    constraint fk_former_slug_post foreign key (post_id) references post (id) on delete cascade
);
create index ix_former_slug_post on post_former_slug (post_id);

create table api_token (
    id           uuid                     not null primary key,
    name         varchar(100)             not null,
    role         varchar(16)              not null,
    -- SHA-256 of the token, hex; the token itself is shown once and never stored.
    token_hash   varchar(64)              not null,
    created_at   timestamp with time zone not null,
    constraint uk_api_token_hash unique (token_hash),
    constraint ck_api_token_role check (role in ('editor', 'admin'))
);
