-- Checkpoints anchored on a chain: the transaction (from the provider's account to itself, its
-- data the checkpoint's head) that carries each checkpoint's head. A row is stored before its
-- transaction is sent, so every anchor the chain holds has a row; a transaction that was never
-- sent or never mined leaves a row the chain does not know, and the checkpoint is anchored again.
-- Append-only like the rest of the ledger. No foreign key to the checkpoint: a truncate of the
-- checkpoints must meet their trigger, not a constraint, and verification reads the head from the
-- chain, not from the checkpoint's row.
create table ledger_anchor (
    transaction varchar(66)  primary key,
    size        bigint       not null,
    created_at  timestamptz  not null
);
create index ledger_anchor_size on ledger_anchor (size desc, created_at desc);

create trigger ledger_anchor_append_only
    before update or delete on ledger_anchor
    for each row execute function ledger_refuse_change();
create trigger ledger_anchor_no_truncate
    before truncate on ledger_anchor
    for each statement execute function ledger_refuse_change();
