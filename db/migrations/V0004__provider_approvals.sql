-- Consumers' requests to trust an algorithm for a dataset's compute service, and the
-- publisher's decisions. The checksums are the algorithm's at request time: an approval pins
-- them, so a later change to the algorithm's code or container voids it.
create table provider_approval (
    id                 varchar(36)  primary key,
    dataset_did        varchar(71)  not null references provider_asset (did),
    service_id         varchar(64)  not null,
    algorithm_did      varchar(71)  not null references provider_asset (did),
    consumer           varchar(42)  not null,
    publisher          varchar(42)  not null,
    justification      text         not null,
    files_checksum     text         not null,
    container_checksum varchar(64)  not null,
    state              varchar(16)  not null,
    reason             text,
    reviewed_code      text,
    requested_at       timestamptz  not null,
    decided_at         timestamptz,
    decided_by         varchar(42)
);
create index provider_approval_publisher on provider_approval (publisher, state, requested_at desc);
create index provider_approval_consumer on provider_approval (consumer, state, requested_at desc);
create index provider_approval_subject
    on provider_approval (dataset_did, service_id, algorithm_did, state);
