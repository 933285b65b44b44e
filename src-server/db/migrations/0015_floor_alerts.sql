CREATE TABLE "floor_alert_cursor" (
	"id" integer PRIMARY KEY NOT NULL,
	"synced_to" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "floor_alert_cursor" ("id", "synced_to") VALUES (1, 0);
