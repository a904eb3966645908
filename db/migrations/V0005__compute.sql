-- Events that an observer may see more than once (a job's status after an engine restart) carry
-- a key; the ledger appends an event with a key at most once. The key is not part of the hash:
-- it only deduplicates.
alter table ledger_entry add column event_key varchar(200);
create unique index ledger_entry_event_key on ledger_entry (event_key) where event_key is not null;

-- Compute environments: seeded from configuration, edited by admins. The definition is the
-- environment's JSON as /api/services/computeEnvironments shows it.
create table compute_environment (
    id         varchar(100) primary key,
    definition jsonb        not null,
    updated_at timestamptz  not null
);
