-- Files uploaded by publishers, kept in the data directory under their id until an asset uses them.
create table provider_upload (
    id         varchar(36)  primary key,
    owner      varchar(42)  not null,
    filename   varchar(255) not null,
    size       bigint       not null,
    sha256     varchar(64)  not null,
    created_at timestamptz  not null
);
create index provider_upload_owner on provider_upload (owner, created_at);

-- Published datasets and algorithms. The DDO's public part is kept as JSON; name, description,
-- tags, type, state and publisher are columns as well so that the catalogue can search them.
create table provider_asset (
    did            varchar(71)  primary key,
    asset_key      varchar(64)  not null,
    publisher      varchar(42)  not null,
    type           varchar(16)  not null,
    state          varchar(16)  not null,
    name           varchar(256) not null,
    description    text         not null,
    tags           varchar(64)[] not null default '{}',
    tags_text      text         not null default '',
    ddo            jsonb        not null,
    files_checksum text,
    sample         bytea,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    search         tsvector generated always as (
        setweight(to_tsvector('english', name), 'A') ||
        setweight(to_tsvector('english', tags_text), 'B') ||
        setweight(to_tsvector('english', description), 'C')) stored
);
create index provider_asset_search on provider_asset using gin (search);
create index provider_asset_tags on provider_asset using gin (tags);
create index provider_asset_updated on provider_asset (updated_at desc, did);
create index provider_asset_publisher on provider_asset (publisher, updated_at desc);

-- The files of each service, in order. The reference (an upload id or a URL) is encrypted with
-- the provider's key, bound to its asset, service and position; it never leaves the provider.
create table provider_file (
    asset_did  varchar(71)  not null references provider_asset (did) on delete cascade,
    service_id varchar(64)  not null,
    position   integer      not null,
    reference  bytea        not null,
    sha256     varchar(64),
    size       bigint,
    primary key (asset_did, service_id, position)
);
