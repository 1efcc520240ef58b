-- Markdown may be up to 1 MiB of characters (CONTRACT section 3, was 200,000), and its sanitized
-- HTML up to 4 MiB of characters. SET DATA TYPE is the spelling H2 2.x and PostgreSQL 15 share;
-- widening a varchar rewrites nothing on PostgreSQL.
alter table post alter column markdown set data type varchar(1048576);
alter table post alter column html set data type varchar(4194304);
