ALTER TABLE "notification_outbox" ADD COLUMN "posted_by" uuid;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "retried_by" uuid;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "retried_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_posted_by_accounts_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_retried_by_accounts_id_fk" FOREIGN KEY ("retried_by") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;