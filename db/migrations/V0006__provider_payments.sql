-- Payment quotes: what Cove told a consumer an item costs, to whom, until when. A payment is
-- accepted only against a quote of the same consumer and item that was issued before the
-- payment was mined and was still valid then (see docs/payments.md).
create table payment_quote (
    id          bigserial    primary key,
    consumer    varchar(42)  not null,
    item        varchar(300) not null,
    payee       varchar(42)  not null,
    token       varchar(42),
    chain_id    bigint       not null,
    amount      numeric(78, 0) not null check (amount >= 0),
    issued_at   timestamptz  not null,
    valid_until timestamptz  not null
);
create index payment_quote_consumer_item on payment_quote (consumer, item, issued_at);

-- Payments that Cove accepted: each transaction pays for one thing only, ever. The primary key
-- makes a second use fail, also when two requests race with the same transaction.
create table payment (
    chain_id    bigint       not null,
    tx_hash     varchar(66)  not null,
    payer       varchar(42)  not null,
    payee       varchar(42)  not null,
    token       varchar(42),
    amount      numeric(78, 0) not null,
    item        varchar(300) not null,
    asset       varchar(200),
    paid_for    varchar(200) not null,
    recorded_at timestamptz  not null,
    primary key (chain_id, tx_hash)
);
create index payment_payee on payment (payee, asset);
