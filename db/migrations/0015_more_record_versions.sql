ALTER TABLE "relationships" ADD COLUMN "sharing_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "support_requests" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "health_attorneys" ADD COLUMN "registration_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "health_attorneys" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;