-- The audit ledger: an append-only hash chain. hash = sha256(previous_hash || canonical entry),
-- where the canonical entry is the RFC 8785 JSON of sequence, time, actor, kind, subject,
-- parties and payload (docs/ledger.md).
create table ledger_entry (
    sequence      bigint       primary key,
    recorded_at   timestamptz  not null,
    actor         varchar(42)  not null,
    kind          varchar(64)  not null,
    subject       varchar(200) not null,
    parties       varchar(42)[] not null default '{}',
    payload       text         not null,
    previous_hash varchar(64)  not null,
    hash          varchar(64)  not null
);
create index ledger_entry_actor on ledger_entry (actor, sequence);
create index ledger_entry_subject on ledger_entry (subject, sequence);
create index ledger_entry_kind on ledger_entry (kind, sequence);
create index ledger_entry_parties on ledger_entry using gin (parties);

-- Signed checkpoints of the chain's head, so that cutting off the tail is also detected.
create table ledger_checkpoint (
    size       bigint       primary key,
    head       varchar(64)  not null,
    created_at timestamptz  not null,
    signer     varchar(42)  not null,
    signature  varchar(132) not null
);

create function ledger_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'the audit ledger is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger ledger_entry_append_only
    before update or delete on ledger_entry
    for each row execute function ledger_refuse_change();
create trigger ledger_entry_no_truncate
    before truncate on ledger_entry
    for each statement execute function ledger_refuse_change();
create trigger ledger_checkpoint_append_only
    before update or delete on ledger_checkpoint
    for each row execute function ledger_refuse_change();
create trigger ledger_checkpoint_no_truncate
    before truncate on ledger_checkpoint
    for each statement execute function ledger_refuse_change();
