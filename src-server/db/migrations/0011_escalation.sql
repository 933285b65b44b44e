ALTER TABLE "cases" ADD COLUMN "priority" text DEFAULT 'medium' NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "escalated_to" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "unresolved_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "escalation_firings" ADD COLUMN "rule_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "escalation_firings" ADD COLUMN "effects" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;
