-- Last accepted nonce per address for signed requests: a new request must carry a greater one.
create table identity_nonce (
    address    varchar(42) primary key,
    nonce      bigint      not null,
    updated_at timestamptz not null
);

-- Sign-In with Ethereum: nonces this server issued, each usable once before it expires.
create table identity_siwe_challenge (
    nonce      varchar(64) primary key,
    address    varchar(42) not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null
);
create index identity_siwe_challenge_expires on identity_siwe_challenge (expires_at);

-- Bearer tokens: only their SHA-256 is stored, so a database dump leaks no usable token.
create table identity_token (
    token_hash varchar(64) primary key,
    address    varchar(42) not null,
    origin     varchar(16) not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index identity_token_expires on identity_token (expires_at);
