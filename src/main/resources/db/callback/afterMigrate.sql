-- Runs after every migration. When Cove connects with its own role (COVE_DB_USER) and migrates
-- with the owner's, the application role may change every table but the ledger's (entries,
-- checkpoints, anchors), and may only read and append to those; it owns nothing, so it can
-- neither alter nor disable their triggers. It may use the sequences of bigserial columns.
do
$$
declare
    app_role text := '${cove_app_role}';
begin
    if app_role <> '' then
        execute format('grant usage on schema %I to %I', current_schema(), app_role);
        execute format('grant select, insert, update, delete on all tables in schema %I to %I',
                       current_schema(), app_role);
        execute format('grant usage, select on all sequences in schema %I to %I',
                       current_schema(), app_role);
        execute format('revoke update, delete, truncate on ledger_entry, ledger_checkpoint,'
                       ' ledger_anchor from %I', app_role);
        execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I',
                       app_role);
    end if;
end
$$;
