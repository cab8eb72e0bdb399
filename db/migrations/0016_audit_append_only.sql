-- The audit log is append-only (issue 16 item 9): no role the application uses may change or remove
-- a row. A trigger, not privileges, so it holds on PGlite (the tests) and whatever role owns the
-- tables. No foreign key into audit_events exists and its own foreign keys have no ON DELETE
-- action, so no cascade ever needs to change an audit row. Housekeeping never deletes from it.
CREATE OR REPLACE FUNCTION "audit_events_refuse_change"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_refuse_change"();
