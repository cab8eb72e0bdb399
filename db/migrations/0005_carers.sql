CREATE TABLE "carer_assessment_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"carer_account_id" uuid NOT NULL,
	"service_user_id" uuid NOT NULL,
	"contact_by" text NOT NULL,
	"best_time" text DEFAULT '' NOT NULL,
	"wants_advocate" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "carer_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_user_id" uuid NOT NULL,
	"from_account_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid
);
--> statement-breakpoint
CREATE TABLE "carer_needs" (
	"carer_account_id" uuid NOT NULL,
	"part" text NOT NULL,
	"answers" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carer_needs_carer_account_id_part_pk" PRIMARY KEY("carer_account_id","part")
);
--> statement-breakpoint
CREATE TABLE "dependants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"age" smallint,
	"lives_with_me" boolean DEFAULT false NOT NULL,
	"who_looks_after" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "young_carer_questions" (
	"account_id" uuid NOT NULL,
	"service_user_id" uuid NOT NULL,
	"answer" text NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "young_carer_questions_account_id_service_user_id_pk" PRIMARY KEY("account_id","service_user_id")
);
--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "grant_ends_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "carer_assessment_requests" ADD CONSTRAINT "carer_assessment_requests_carer_account_id_accounts_id_fk" FOREIGN KEY ("carer_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_assessment_requests" ADD CONSTRAINT "carer_assessment_requests_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_assessment_requests" ADD CONSTRAINT "carer_assessment_requests_updated_by_accounts_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_messages" ADD CONSTRAINT "carer_messages_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_messages" ADD CONSTRAINT "carer_messages_from_account_id_accounts_id_fk" FOREIGN KEY ("from_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_messages" ADD CONSTRAINT "carer_messages_read_by_accounts_id_fk" FOREIGN KEY ("read_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_needs" ADD CONSTRAINT "carer_needs_carer_account_id_accounts_id_fk" FOREIGN KEY ("carer_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dependants" ADD CONSTRAINT "dependants_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "young_carer_questions" ADD CONSTRAINT "young_carer_questions_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "young_carer_questions" ADD CONSTRAINT "young_carer_questions_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carer_assessment_requests_service_user_idx" ON "carer_assessment_requests" USING btree ("service_user_id","created_at");--> statement-breakpoint
CREATE INDEX "carer_messages_service_user_idx" ON "carer_messages" USING btree ("service_user_id","created_at");--> statement-breakpoint
CREATE INDEX "dependants_service_user_idx" ON "dependants" USING btree ("service_user_id");