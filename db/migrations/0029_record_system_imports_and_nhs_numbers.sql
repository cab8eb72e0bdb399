CREATE TABLE "record_system_imports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"via" text NOT NULL,
	"outcome" text NOT NULL,
	"people" integer DEFAULT 0 NOT NULL,
	"people_added" integer DEFAULT 0 NOT NULL,
	"plan_versions" integer DEFAULT 0 NOT NULL,
	"care_teams" integer DEFAULT 0 NOT NULL,
	"appointments" integer DEFAULT 0 NOT NULL,
	"left_alone" integer DEFAULT 0 NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_users" ADD COLUMN "nhs_number" text;--> statement-breakpoint
CREATE INDEX "record_system_imports_at_idx" ON "record_system_imports" USING btree ("at");--> statement-breakpoint
ALTER TABLE "service_users" ADD CONSTRAINT "service_users_nhs_number_unique" UNIQUE("nhs_number");