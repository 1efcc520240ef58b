-- Rows that the nodes of one site coordinate through (CONTRACT section 9). Written in SQL that
-- H2 2.x and PostgreSQL 15 both accept.
--   content-generation: bumped in every transaction that changes public content. Nodes compare it
--     with the generation their response cache was built in, so a missed notification can never
--     leave a node stale for long.
--   tokens: locked (select ... for update) by every change to the set of admin tokens, so the
--     last-admin rule and the first-start bootstrap hold when two requests or two nodes race.
create table coordination (
    name  varchar(64) not null primary key,
    counter bigint     not null
);
insert into coordination (name, counter) values ('content-generation', 0);
insert into coordination (name, counter) values ('tokens', 0);
