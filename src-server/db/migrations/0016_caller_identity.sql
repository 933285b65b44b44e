ALTER TABLE "contacts" ADD COLUMN IF NOT EXISTS "identified_by" text REFERENCES "users"("id");
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN IF NOT EXISTS "identified_at" timestamp with time zone;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contacts_identified_from_idx" ON "contacts" USING btree (lower("from_address"),"identified_at") WHERE "identified_by" IS NOT NULL;
