CREATE TABLE "advance_decisions" (
	"service_user_id" uuid PRIMARY KEY NOT NULL,
	"exists" boolean NOT NULL,
	"where_kept" text DEFAULT '' NOT NULL,
	"seen_on" date,
	"recorded_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "best_interests_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_user_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"decided_on" date NOT NULL,
	"consulted" text NOT NULL,
	"less_restrictive" text NOT NULL,
	"outcome" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decision_consultees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"relationship" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"scopes" text[] DEFAULT '{}' NOT NULL,
	"scope_other" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"entered_as" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "health_attorneys" (
	"service_user_id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"names" text NOT NULL,
	"covers" text DEFAULT '' NOT NULL,
	"life_sustaining" text NOT NULL,
	"opg_reference" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"entered_as" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"registration_checked_on" date,
	"registration_checked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "nominated_persons" (
	"service_user_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"entered_as" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "personal_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" integer NOT NULL,
	"parts" jsonb NOT NULL,
	"written_by" uuid,
	"entered_as" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advance_decisions" ADD CONSTRAINT "advance_decisions_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advance_decisions" ADD CONSTRAINT "advance_decisions_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "best_interests_decisions" ADD CONSTRAINT "best_interests_decisions_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "best_interests_decisions" ADD CONSTRAINT "best_interests_decisions_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_consultees" ADD CONSTRAINT "decision_consultees_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decision_consultees" ADD CONSTRAINT "decision_consultees_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_attorneys" ADD CONSTRAINT "health_attorneys_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_attorneys" ADD CONSTRAINT "health_attorneys_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "health_attorneys" ADD CONSTRAINT "health_attorneys_registration_checked_by_accounts_id_fk" FOREIGN KEY ("registration_checked_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominated_persons" ADD CONSTRAINT "nominated_persons_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nominated_persons" ADD CONSTRAINT "nominated_persons_created_by_accounts_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_statements" ADD CONSTRAINT "personal_statements_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "personal_statements" ADD CONSTRAINT "personal_statements_written_by_accounts_id_fk" FOREIGN KEY ("written_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "best_interests_service_user_idx" ON "best_interests_decisions" USING btree ("service_user_id","decided_on");--> statement-breakpoint
CREATE INDEX "decision_consultees_service_user_idx" ON "decision_consultees" USING btree ("service_user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "personal_statements_version_idx" ON "personal_statements" USING btree ("service_user_id","kind","version");