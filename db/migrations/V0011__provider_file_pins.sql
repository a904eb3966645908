-- A pinned file's every read is checked against its sha256: each file of an algorithm (what a
-- reviewer reads and what runs is what was published), and a dataset's URL-backed file whose
-- publisher declared a checksum. The files of algorithms already published are pinned to the
-- sha256 taken when they were published, where one was taken.
alter table provider_file add column pinned boolean not null default false;

update provider_file f
   set pinned = true
  from provider_asset a
 where a.did = f.asset_did
   and a.type = 'ALGORITHM'
   and f.sha256 is not null;
