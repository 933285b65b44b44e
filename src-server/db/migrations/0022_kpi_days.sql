-- Issue 17, fast on a year: the KPI counts per local day of each row's zone (its queue's; presence
-- rows their team's first queue's), written by the projection in the same transaction as the
-- 15-minute rows (docs/KPIS.md "Days"). The projection is emptied and its position reset, so the
-- consumer folds the whole log again and fills both tables from the same events.
CREATE TABLE "kpi_days" (
	"day" date NOT NULL,
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
	CONSTRAINT "kpi_days_day_queue_id_channel_agent_id_team_id_pk" PRIMARY KEY("day","queue_id","channel","agent_id","team_id")
);
--> statement-breakpoint
CREATE INDEX "kpi_days_queue_idx" ON "kpi_days" USING btree ("queue_id","day");--> statement-breakpoint
CREATE INDEX "kpi_days_agent_idx" ON "kpi_days" USING btree ("agent_id","day");--> statement-breakpoint
CREATE INDEX "kpi_days_team_idx" ON "kpi_days" USING btree ("team_id","day");--> statement-breakpoint
DELETE FROM "kpi_intervals";--> statement-breakpoint
DELETE FROM "kpi_facts";--> statement-breakpoint
UPDATE "kpi_position" SET "sync_id" = 0;
