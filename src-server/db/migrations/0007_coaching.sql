CREATE TABLE "calibrations" (
	"id" text PRIMARY KEY NOT NULL,
	"version_id" text NOT NULL,
	"contact_ids" text[] NOT NULL,
	"coach_ids" text[] NOT NULL,
	"expert_id" text,
	"state" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"report" jsonb,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "coach_profiles" (
	"user_id" text PRIMARY KEY NOT NULL,
	"team_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"phone" text
);
--> statement-breakpoint
CREATE TABLE "coaching_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"evaluation_id" text NOT NULL,
	"agent_id" text NOT NULL,
	"assigned_by" text NOT NULL,
	"skills" text[] NOT NULL,
	"title" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contact_monitors" (
	"id" text PRIMARY KEY NOT NULL,
	"contact_id" text NOT NULL,
	"coach_id" text NOT NULL,
	"mode" text NOT NULL,
	"phone" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_disputes" (
	"evaluation_id" text NOT NULL,
	"key" text NOT NULL,
	"reason" text NOT NULL,
	"raised_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"decision" text,
	"note" text,
	"decided_by" text,
	CONSTRAINT "evaluation_disputes_evaluation_id_key_pk" PRIMARY KEY("evaluation_id","key")
);
--> statement-breakpoint
CREATE TABLE "evaluation_release_timers" (
	"evaluation_id" text PRIMARY KEY NOT NULL,
	"due_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_revisions" (
	"evaluation_id" text NOT NULL,
	"revision" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb NOT NULL,
	"author_id" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_revisions_evaluation_id_revision_pk" PRIMARY KEY("evaluation_id","revision")
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"evaluation_id" text NOT NULL,
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"score" double precision NOT NULL,
	"agent_id" text NOT NULL,
	"team_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_scores_evaluation_id_dimension_key_pk" PRIMARY KEY("evaluation_id","dimension","key")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"version_id" text NOT NULL,
	"contact_id" text NOT NULL,
	"channel" text NOT NULL,
	"agent_id" text NOT NULL,
	"team_id" text,
	"author_id" text NOT NULL,
	"calibration_id" text,
	"state" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"answers" jsonb NOT NULL,
	"raw_score" double precision,
	"final_score" double precision,
	"max_score" double precision NOT NULL,
	"sections" jsonb NOT NULL,
	"critical_failures" jsonb NOT NULL,
	"release_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"resolution" jsonb,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sampling_draws" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"period_start" timestamp with time zone NOT NULL,
	"period_end" timestamp with time zone NOT NULL,
	"seed" bigint NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"picks" jsonb NOT NULL,
	"shortfalls" jsonb NOT NULL,
	"drawn_by" text
);
--> statement-breakpoint
CREATE TABLE "sampling_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scorecard_versions" (
	"id" text PRIMARY KEY NOT NULL,
	"template_id" text NOT NULL,
	"number" integer NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "calibrations" ADD CONSTRAINT "calibrations_version_id_scorecard_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."scorecard_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibrations" ADD CONSTRAINT "calibrations_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibrations" ADD CONSTRAINT "calibrations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_profiles" ADD CONSTRAINT "coach_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_tasks" ADD CONSTRAINT "coaching_tasks_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_tasks" ADD CONSTRAINT "coaching_tasks_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_tasks" ADD CONSTRAINT "coaching_tasks_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_monitors" ADD CONSTRAINT "contact_monitors_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_monitors" ADD CONSTRAINT "contact_monitors_coach_id_users_id_fk" FOREIGN KEY ("coach_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_disputes" ADD CONSTRAINT "evaluation_disputes_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_disputes" ADD CONSTRAINT "evaluation_disputes_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_disputes" ADD CONSTRAINT "evaluation_disputes_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_release_timers" ADD CONSTRAINT "evaluation_release_timers_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_revisions" ADD CONSTRAINT "evaluation_revisions_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_revisions" ADD CONSTRAINT "evaluation_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_version_id_scorecard_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."scorecard_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_draws" ADD CONSTRAINT "sampling_draws_plan_id_sampling_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sampling_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_draws" ADD CONSTRAINT "sampling_draws_drawn_by_users_id_fk" FOREIGN KEY ("drawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_templates" ADD CONSTRAINT "scorecard_templates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_versions" ADD CONSTRAINT "scorecard_versions_template_id_scorecard_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."scorecard_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coaching_tasks_agent_idx" ON "coaching_tasks" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "contact_monitors_contact_idx" ON "contact_monitors" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "evaluation_release_timers_due_idx" ON "evaluation_release_timers" USING btree ("due_at");--> statement-breakpoint
CREATE INDEX "evaluation_scores_dim_idx" ON "evaluation_scores" USING btree ("dimension","key","at");--> statement-breakpoint
CREATE INDEX "evaluation_scores_agent_idx" ON "evaluation_scores" USING btree ("agent_id","dimension","at");--> statement-breakpoint
CREATE INDEX "evaluations_agent_idx" ON "evaluations" USING btree ("agent_id","submitted_at");--> statement-breakpoint
CREATE INDEX "evaluations_contact_idx" ON "evaluations" USING btree ("contact_id");--> statement-breakpoint
CREATE INDEX "evaluations_calibration_idx" ON "evaluations" USING btree ("calibration_id");--> statement-breakpoint
CREATE INDEX "evaluations_submitted_idx" ON "evaluations" USING btree ("submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "sampling_draws_period_idx" ON "sampling_draws" USING btree ("plan_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "scorecard_versions_number_idx" ON "scorecard_versions" USING btree ("template_id","number");