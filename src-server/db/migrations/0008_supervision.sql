CREATE TABLE "broadcast_acks" (
	"broadcast_id" text NOT NULL,
	"user_id" text NOT NULL,
	"name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "broadcast_acks_broadcast_id_user_id_pk" PRIMARY KEY("broadcast_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "broadcasts" (
	"id" text PRIMARY KEY NOT NULL,
	"from_user_id" text NOT NULL,
	"from_name" text NOT NULL,
	"audience" jsonb NOT NULL,
	"team_id" text NOT NULL,
	"message" text NOT NULL,
	"severity" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"recipient_ids" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "escalation_firings" (
	"case_id" text NOT NULL,
	"step_key" text NOT NULL,
	"rule_id" text NOT NULL,
	"fired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "escalation_firings_case_id_step_key_pk" PRIMARY KEY("case_id","step_key")
);
--> statement-breakpoint
CREATE TABLE "escalation_rules" (
	"id" integer PRIMARY KEY NOT NULL,
	"rules" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"params" jsonb NOT NULL,
	"contact_id" text,
	"case_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reassignments" (
	"id" text PRIMARY KEY NOT NULL,
	"contact_id" text NOT NULL,
	"channel" text NOT NULL,
	"from_agent_id" text,
	"from_queue_id" text NOT NULL,
	"to_agent_id" text,
	"to_queue_id" text NOT NULL,
	"reason" text,
	"kind" text NOT NULL,
	"forced" boolean DEFAULT false NOT NULL,
	"overridden" jsonb NOT NULL,
	"warnings" jsonb NOT NULL,
	"by_user_id" text,
	"by_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"response_due_at" timestamp with time zone,
	"fallback" jsonb,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_deadlines" (
	"id" text PRIMARY KEY NOT NULL,
	"due_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "queue_alerts" ALTER COLUMN "queue_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "jumped_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "queue_alerts" ADD COLUMN "agent_id" text;--> statement-breakpoint
ALTER TABLE "queue_alerts" ADD COLUMN "severity" text DEFAULT 'warning' NOT NULL;--> statement-breakpoint
ALTER TABLE "queue_alerts" ADD COLUMN "facts" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "queue_alerts" ADD COLUMN "since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "queue_alerts" ADD COLUMN "acknowledged_by" text;--> statement-breakpoint
ALTER TABLE "queue_alerts" ADD COLUMN "acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "broadcast_acks" ADD CONSTRAINT "broadcast_acks_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcast_acks" ADD CONSTRAINT "broadcast_acks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_from_user_id_users_id_fk" FOREIGN KEY ("from_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "broadcasts" ADD CONSTRAINT "broadcasts_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_firings" ADD CONSTRAINT "escalation_firings_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassignments" ADD CONSTRAINT "reassignments_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reassignments" ADD CONSTRAINT "reassignments_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","at");--> statement-breakpoint
CREATE INDEX "reassignments_contact_idx" ON "reassignments" USING btree ("contact_id","at");--> statement-breakpoint
CREATE INDEX "reassignments_at_idx" ON "reassignments" USING btree ("at");--> statement-breakpoint
CREATE INDEX "supervision_deadlines_due_idx" ON "supervision_deadlines" USING btree ("due_at");--> statement-breakpoint
ALTER TABLE "queue_alerts" ADD CONSTRAINT "queue_alerts_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "queue_alerts" ADD CONSTRAINT "queue_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;