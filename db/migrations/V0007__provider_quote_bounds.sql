-- Bounds on remembered quotes (see docs/payments.md): quotes long past their validity are swept
-- (by valid_until), and a consumer's unexpired quotes are counted before another is stored.
create index payment_quote_valid_until on payment_quote (valid_until);
create index payment_quote_consumer_valid_until on payment_quote (consumer, valid_until);
