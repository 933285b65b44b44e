-- Why a contact entered its queue (the intake rule, the customer's language, the expired-contract rule),
-- kept on the contact so the agent's workspace and the supervisor's drill-down show it (issue 11).
ALTER TABLE "contacts" ADD COLUMN "intake_reasons" text[] DEFAULT '{}'::text[] NOT NULL;