-- Issue 14: an alert can name the contact it is about — "disconnected on a call" names the call
-- a disconnected agent still holds, so the board says which customer is on the line.
ALTER TABLE "queue_alerts" ADD COLUMN "contact_id" text REFERENCES "contacts"("id") ON DELETE SET NULL;
