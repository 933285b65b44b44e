CREATE TABLE "routing_profiles_version" (
	"id" integer PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "routing_profiles_version" ("id", "version") VALUES (1, 0);--> statement-breakpoint
-- Any statement that changes users or agent_skills moves the version, in its own transaction:
-- a routing pass that sees the new version also sees the change. Once per statement, so a bulk
-- insert of agents is one bump.
CREATE FUNCTION bump_routing_profiles_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE routing_profiles_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER users_routing_profiles_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_profiles_version();--> statement-breakpoint
CREATE TRIGGER agent_skills_routing_profiles_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "agent_skills"
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_profiles_version();
