ALTER TABLE "sharing_grants" ADD COLUMN "basis_note" text;--> statement-breakpoint
ALTER TABLE "goal_progress" ADD COLUMN "entered_as" text;--> statement-breakpoint
ALTER TABLE "goals" ADD COLUMN "entered_as" text;--> statement-breakpoint
ALTER TABLE "recovery_statements" ADD COLUMN "entered_as" text;--> statement-breakpoint
ALTER TABLE "support_requests" ADD COLUMN "entered_as" text;