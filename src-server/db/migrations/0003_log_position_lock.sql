-- The next log position, taken only after the log's append lock (key 7400002, held to commit):
-- positions commit in the order they were given, so a reader that has seen position N has seen
-- every event before N. In the column's default, no insert can skip the lock, and it costs no
-- separate round trip.
CREATE FUNCTION next_sync_id() RETURNS bigint LANGUAGE sql VOLATILE AS $$
  SELECT pg_advisory_xact_lock(7400002);
  SELECT nextval('events_sync_id_seq');
$$;--> statement-breakpoint
ALTER TABLE "events" ALTER COLUMN "sync_id" SET DEFAULT next_sync_id();
