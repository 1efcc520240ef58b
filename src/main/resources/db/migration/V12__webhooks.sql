-- Webhooks (CONTRACT section 11, dev.crosslink.webhook): endpoints told about changes, and the
-- outbox of their deliveries. A delivery row is written in the transaction of the change it tells
-- of, so a 2xx means the change will be delivered even if the process dies the next instant; any
-- node's worker then sends it, after claiming a lease on it, so each attempt is made by one node.
-- WebSub hub pings travel the same way.
create table webhook (
    id              uuid                     not null primary key,
    url             varchar(2000)            not null,
    description     varchar(500),
    -- The event types it wants, as a JSON array.
    events          varchar(1000)            not null,
    -- whsec_ + base64 of 32 random bytes. Kept, since signing needs it; shown once, at creation.
    secret          varchar(100)             not null,
    enabled         boolean                  not null,
    disabled_reason varchar(500),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint                   not null
);

create table webhook_delivery (
    id              uuid                     not null primary key,
    -- The webhook told, or null for a WebSub hub ping (CONTRACT section 5), sent to target_url.
    webhook_id      uuid,
    target_url      varchar(2000),
    -- The webhook-id header: the same on every attempt, so receivers can drop repeats.
    message_id      varchar(64)              not null,
    event_type      varchar(32)              not null,
    -- The post a scheduled publication is about, so a later write of it can withdraw the delivery.
    post_id         uuid,
    payload         varchar(8388608)         not null,
    created_at      timestamp with time zone not null,
    status          varchar(16)              not null,
    attempts        integer                  not null,
    next_attempt_at timestamp with time zone,
    -- The lease of the node sending it: another node takes it over only once it expired.
    locked_by       varchar(64),
    locked_until    timestamp with time zone,
    constraint fk_delivery_webhook foreign key (webhook_id) references webhook (id) on delete cascade,
    constraint ck_delivery_status check (status in ('pending', 'delivered', 'failed')),
    constraint ck_delivery_target check (webhook_id is not null or target_url is not null)
);
create index ix_delivery_due on webhook_delivery (status, next_attempt_at);
create index ix_delivery_webhook on webhook_delivery (webhook_id, created_at);
create index ix_delivery_post on webhook_delivery (post_id);

create table webhook_attempt (
    id              uuid                     not null primary key,
    delivery_id     uuid                     not null,
    attempted_at    timestamp with time zone not null,
    -- null when no answer came (refused, timed out, or the target was refused before connecting)
    response_code   integer,
    duration_ms     integer                  not null,
    error           varchar(500),
    next_attempt_at timestamp with time zone,
    constraint fk_attempt_delivery foreign key (delivery_id) references webhook_delivery (id) on delete cascade
);
create index ix_attempt_delivery on webhook_attempt (delivery_id, attempted_at);
