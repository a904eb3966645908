-- One pending approval per (dataset, service, algorithm, consumer), enforced by the database, so
-- that parallel identical requests cannot create several (the request path inserts with
-- "on conflict do nothing" and returns the one that is there).
--
-- Requests made in parallel before this migration may have left duplicates. The oldest of each
-- group stays (earliest requested_at, then lowest id); the others were never decided, so they are
-- removed, and each removal is appended to the ledger as an "approval-withdrawn" entry naming the
-- request it duplicated: the ledger's "approval-requested" entries for them stay as they are (its
-- rows are never changed) and the ledger still tells what became of every request. The entries
-- are chained exactly as Cove chains them (docs/ledger.md): hash = sha256(previous hash bytes ||
-- canonical entry), under the advisory lock that serialises every append. Their actor is the zero
-- address: Cove itself, during a migration, not any account.
do
$$
declare
    duplicate     record;
    head_sequence bigint;
    head_hash     text;
    recorded      timestamptz := date_trunc('microseconds', now());
    parties       text[];
    payload       text;
    canonical     text;
    entry_hash    text;
begin
    perform pg_advisory_xact_lock(18981377735943524);
    for duplicate in
        select a.*, first_value(a.id) over same_request as kept
        from provider_approval a
        where a.state = 'PENDING'
        window same_request as (partition by a.dataset_did, a.service_id, a.algorithm_did, a.consumer
                                order by a.requested_at, a.id)
        order by a.dataset_did, a.service_id, a.algorithm_did, a.consumer, a.requested_at, a.id
    loop
        continue when duplicate.id = duplicate.kept;
        delete from provider_approval where id = duplicate.id;

        select sequence, hash into head_sequence, head_hash
        from ledger_entry order by sequence desc limit 1;
        head_sequence := coalesce(head_sequence, 0) + 1;
        head_hash := coalesce(head_hash, repeat('0', 64));
        parties := array(select p from (select distinct unnest(array[duplicate.consumer,
                                                                      duplicate.publisher]) p) d
                         order by p collate "C");
        payload := '{"algorithm":' || to_json(duplicate.algorithm_did)::text
                       || ',"approval":' || to_json(duplicate.id)::text
                       || ',"consumer":' || to_json(duplicate.consumer)::text
                       || ',"duplicateOf":' || to_json(duplicate.kept)::text
                       || ',"service":' || to_json(duplicate.service_id)::text || '}';
        canonical := '{"actor":"0x0000000000000000000000000000000000000000"'
                         || ',"kind":"approval-withdrawn"'
                         || ',"parties":[' || array_to_string(array(select to_json(p)::text from unnest(parties) p), ',') || ']'
                         || ',"payload":' || payload
                         || ',"sequence":' || head_sequence
                         || ',"subject":' || to_json(duplicate.dataset_did)::text
                         || ',"time":"' || to_char(recorded at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || '"}';
        entry_hash := encode(sha256(decode(head_hash, 'hex') || convert_to(canonical, 'UTF8')), 'hex');
        insert into ledger_entry (sequence, recorded_at, actor, kind, subject, parties, payload,
                                  previous_hash, hash)
        values (head_sequence, recorded, '0x0000000000000000000000000000000000000000',
                'approval-withdrawn', duplicate.dataset_did, parties, payload, head_hash, entry_hash);
    end loop;
end
$$;

create unique index provider_approval_one_pending
    on provider_approval (dataset_did, service_id, algorithm_did, consumer)
    where state = 'PENDING';
