CREATE TABLE "plan_version_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"account_id" uuid,
	"agreement" text NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_version_comments" ADD CONSTRAINT "plan_version_comments_version_id_care_plan_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."care_plan_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_version_comments" ADD CONSTRAINT "plan_version_comments_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_version_comments_version_idx" ON "plan_version_comments" USING btree ("version_id","created_at");