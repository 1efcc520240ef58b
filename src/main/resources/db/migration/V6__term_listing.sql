-- CONTRACT section 7: a term created through /api/categories or /api/tags is public at once
-- (listed); one that exists only because a post named it stays invisible to anonymous callers until
-- a public post uses it. Terms from before this migration were all public, and stay so.
alter table category add column listed boolean default true not null;
alter table tag add column listed boolean default true not null;
