-- Issue 15, customer satisfaction: how often a customer is asked (every_case | monthly | never) and
-- one survey per case, sent when the case is resolved or closed and answered once on its public
-- page (/survey/:token). The answer is the case's, its contact's and its agent's CSAT.
ALTER TABLE "customers" ADD COLUMN "survey_frequency" text DEFAULT 'every_case' NOT NULL;--> statement-breakpoint
CREATE TABLE "csat_surveys" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL REFERENCES "cases"("id"),
	"contact_id" text REFERENCES "contacts"("id"),
	"agent_id" text REFERENCES "users"("id"),
	"customer_id" text NOT NULL REFERENCES "customers"("id"),
	"email" text NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"rating" integer,
	"comment" text,
	CONSTRAINT "csat_surveys_rating_check" CHECK ("rating" IS NULL OR ("rating" BETWEEN 1 AND 5))
);--> statement-breakpoint
CREATE UNIQUE INDEX "csat_surveys_case_idx" ON "csat_surveys" ("case_id");--> statement-breakpoint
CREATE INDEX "csat_surveys_customer_idx" ON "csat_surveys" ("customer_id","queued_at");--> statement-breakpoint
CREATE INDEX "csat_surveys_agent_idx" ON "csat_surveys" ("agent_id","answered_at");
