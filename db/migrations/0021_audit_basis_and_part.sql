ALTER TABLE "audit_events" ADD COLUMN "basis" text;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "part" text;