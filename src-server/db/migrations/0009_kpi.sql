CREATE TABLE "kpi_facts" (
	"kind" text NOT NULL,
	"id" text NOT NULL,
	"facts" jsonb NOT NULL,
	CONSTRAINT "kpi_facts_kind_id_pk" PRIMARY KEY("kind","id")
);
--> statement-breakpoint
CREATE TABLE "kpi_intervals" (
	"interval_start" timestamp with time zone NOT NULL,
	"queue_id" text NOT NULL,
	"channel" text NOT NULL,
	"agent_id" text NOT NULL,
	"team_id" text NOT NULL,
	"offered" bigint DEFAULT 0 NOT NULL,
	"transferred_in" bigint DEFAULT 0 NOT NULL,
	"answered" bigint DEFAULT 0 NOT NULL,
	"answer_wait_ms" bigint DEFAULT 0 NOT NULL,
	"answered_in_target" bigint DEFAULT 0 NOT NULL,
	"abandoned" bigint DEFAULT 0 NOT NULL,
	"abandon_wait_ms" bigint DEFAULT 0 NOT NULL,
	"abandoned_in_target" bigint DEFAULT 0 NOT NULL,
	"short_abandoned" bigint DEFAULT 0 NOT NULL,
	"transferred_out" bigint DEFAULT 0 NOT NULL,
	"escalated" bigint DEFAULT 0 NOT NULL,
	"handled" bigint DEFAULT 0 NOT NULL,
	"work_ms" bigint DEFAULT 0 NOT NULL,
	"hold_ms" bigint DEFAULT 0 NOT NULL,
	"wrap_up_ms" bigint DEFAULT 0 NOT NULL,
	"callbacks_in_window" bigint DEFAULT 0 NOT NULL,
	"callbacks_outside_window" bigint DEFAULT 0 NOT NULL,
	"callbacks_missed" bigint DEFAULT 0 NOT NULL,
	"resolved" bigint DEFAULT 0 NOT NULL,
	"resolved_with_repeat" bigint DEFAULT 0 NOT NULL,
	"csat_rated_1" bigint DEFAULT 0 NOT NULL,
	"csat_rated_2" bigint DEFAULT 0 NOT NULL,
	"csat_rated_3" bigint DEFAULT 0 NOT NULL,
	"csat_rated_4" bigint DEFAULT 0 NOT NULL,
	"csat_rated_5" bigint DEFAULT 0 NOT NULL,
	"qa_evaluations" bigint DEFAULT 0 NOT NULL,
	"qa_score_centi_sum" bigint DEFAULT 0 NOT NULL,
	"signed_in_ms" bigint DEFAULT 0 NOT NULL,
	"available_ms" bigint DEFAULT 0 NOT NULL,
	"busy_ms" bigint DEFAULT 0 NOT NULL,
	"wrap_up_state_ms" bigint DEFAULT 0 NOT NULL,
	"away_ms" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "kpi_intervals_interval_start_queue_id_channel_agent_id_team_id_pk" PRIMARY KEY("interval_start","queue_id","channel","agent_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "kpi_position" (
	"id" integer PRIMARY KEY NOT NULL,
	"sync_id" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "kpi_intervals_queue_idx" ON "kpi_intervals" USING btree ("queue_id","interval_start");--> statement-breakpoint
CREATE INDEX "kpi_intervals_agent_idx" ON "kpi_intervals" USING btree ("agent_id","interval_start");--> statement-breakpoint
CREATE INDEX "kpi_intervals_team_idx" ON "kpi_intervals" USING btree ("team_id","interval_start");--> statement-breakpoint
INSERT INTO "kpi_position" ("id", "sync_id") VALUES (1, 0);
