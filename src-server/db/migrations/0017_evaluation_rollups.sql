-- Daily sums of the scores the quality analytics average, kept by statement triggers in the same
-- transaction as the evaluations and their score rows, so a trend reads about one row per agent
-- (or section, or skill) per day instead of every evaluation of the period (docs/SCORECARDS.md).
-- dimension 'form': final scores of coach evaluations past draft, per version; 'section' and
-- 'skill': the evaluation_scores rows. team_id and version_id are '' when there is none.
-- entries counts the rows (a final score may be null), n the scores in total.
CREATE TABLE "evaluation_rollups" (
	"dimension" text NOT NULL,
	"key" text NOT NULL,
	"agent_id" text NOT NULL,
	"team_id" text NOT NULL,
	"version_id" text NOT NULL,
	"day" date NOT NULL,
	"total" double precision NOT NULL,
	"n" integer NOT NULL,
	"entries" integer NOT NULL,
	CONSTRAINT "evaluation_rollups_pk" PRIMARY KEY("dimension","key","agent_id","team_id","version_id","day")
);
--> statement-breakpoint
CREATE INDEX "evaluation_rollups_day_idx" ON "evaluation_rollups" USING btree ("dimension","day");
--> statement-breakpoint
-- The partial days at a window's edge are read from the score rows by dimension and time.
CREATE INDEX "evaluation_scores_dim_at_idx" ON "evaluation_scores" USING btree ("dimension","at");
--> statement-breakpoint
CREATE FUNCTION evaluations_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO evaluation_rollups AS r (dimension, key, agent_id, team_id, version_id, day, total, n, entries)
      SELECT 'form', '', agent_id, coalesce(team_id, ''), version_id, (submitted_at AT TIME ZONE 'UTC')::date,
        -coalesce(sum(final_score), 0), -count(final_score), -count(*)
      FROM old_rows
      WHERE kind = 'coach' AND state <> 'draft' AND submitted_at IS NOT NULL
      GROUP BY 3, 4, 5, 6
    ON CONFLICT (dimension, key, agent_id, team_id, version_id, day) DO UPDATE
      SET total = r.total + excluded.total, n = r.n + excluded.n, entries = r.entries + excluded.entries;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO evaluation_rollups AS r (dimension, key, agent_id, team_id, version_id, day, total, n, entries)
      SELECT 'form', '', agent_id, coalesce(team_id, ''), version_id, (submitted_at AT TIME ZONE 'UTC')::date,
        coalesce(sum(final_score), 0), count(final_score), count(*)
      FROM new_rows
      WHERE kind = 'coach' AND state <> 'draft' AND submitted_at IS NOT NULL
      GROUP BY 3, 4, 5, 6
    ON CONFLICT (dimension, key, agent_id, team_id, version_id, day) DO UPDATE
      SET total = r.total + excluded.total, n = r.n + excluded.n, entries = r.entries + excluded.entries;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluations_rollup_insert AFTER INSERT ON "evaluations"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluations_rollup();
--> statement-breakpoint
CREATE TRIGGER evaluations_rollup_update AFTER UPDATE ON "evaluations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluations_rollup();
--> statement-breakpoint
CREATE TRIGGER evaluations_rollup_delete AFTER DELETE ON "evaluations"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluations_rollup();
--> statement-breakpoint
CREATE FUNCTION evaluation_scores_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO evaluation_rollups AS r (dimension, key, agent_id, team_id, version_id, day, total, n, entries)
      SELECT dimension, key, agent_id, coalesce(team_id, ''), '', (at AT TIME ZONE 'UTC')::date,
        -sum(score), -count(*), -count(*)
      FROM old_rows
      GROUP BY 1, 2, 3, 4, 6
    ON CONFLICT (dimension, key, agent_id, team_id, version_id, day) DO UPDATE
      SET total = r.total + excluded.total, n = r.n + excluded.n, entries = r.entries + excluded.entries;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO evaluation_rollups AS r (dimension, key, agent_id, team_id, version_id, day, total, n, entries)
      SELECT dimension, key, agent_id, coalesce(team_id, ''), '', (at AT TIME ZONE 'UTC')::date,
        sum(score), count(*), count(*)
      FROM new_rows
      GROUP BY 1, 2, 3, 4, 6
    ON CONFLICT (dimension, key, agent_id, team_id, version_id, day) DO UPDATE
      SET total = r.total + excluded.total, n = r.n + excluded.n, entries = r.entries + excluded.entries;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evaluation_scores_rollup_insert AFTER INSERT ON "evaluation_scores"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_scores_rollup();
--> statement-breakpoint
CREATE TRIGGER evaluation_scores_rollup_update AFTER UPDATE ON "evaluation_scores"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_scores_rollup();
--> statement-breakpoint
CREATE TRIGGER evaluation_scores_rollup_delete AFTER DELETE ON "evaluation_scores"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION evaluation_scores_rollup();
--> statement-breakpoint
-- What is already stored.
INSERT INTO evaluation_rollups (dimension, key, agent_id, team_id, version_id, day, total, n, entries)
  SELECT 'form', '', agent_id, coalesce(team_id, ''), version_id, (submitted_at AT TIME ZONE 'UTC')::date,
    coalesce(sum(final_score), 0), count(final_score), count(*)
  FROM evaluations
  WHERE kind = 'coach' AND state <> 'draft' AND submitted_at IS NOT NULL
  GROUP BY 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO evaluation_rollups (dimension, key, agent_id, team_id, version_id, day, total, n, entries)
  SELECT dimension, key, agent_id, coalesce(team_id, ''), '', (at AT TIME ZONE 'UTC')::date, sum(score), count(*), count(*)
  FROM evaluation_scores
  GROUP BY 1, 2, 3, 4, 6;
