-- Secrets the server signs with, shared by every node through the database (dev.crosslink.preview):
-- a preview token signed on one node is accepted on all. Made at first use, 256 random bits.
create table signing_key (
    name       varchar(64)              not null primary key,
    secret     varchar(128)             not null,
    created_at timestamp with time zone not null
);
