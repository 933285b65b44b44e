ALTER TABLE "contacts" ADD COLUMN "identified_by" text REFERENCES "users"("id");
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "identified_at" timestamp with time zone;
--> statement-breakpoint
CREATE INDEX "contacts_identified_from_idx" ON "contacts" USING btree (lower("from_address"),"identified_at") WHERE "identified_by" IS NOT NULL;
