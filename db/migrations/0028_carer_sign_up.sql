CREATE TABLE "carer_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_account_id" uuid NOT NULL,
	"person_name" text NOT NULL,
	"person_birth_date" text,
	"person_details" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid
);
--> statement-breakpoint
CREATE TABLE "sharing_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"relationship_id" uuid NOT NULL,
	"asked_by" uuid NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "carer_signed_up_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "carer_notes" ADD CONSTRAINT "carer_notes_from_account_id_accounts_id_fk" FOREIGN KEY ("from_account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carer_notes" ADD CONSTRAINT "carer_notes_read_by_accounts_id_fk" FOREIGN KEY ("read_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_questions" ADD CONSTRAINT "sharing_questions_relationship_id_relationships_id_fk" FOREIGN KEY ("relationship_id") REFERENCES "public"."relationships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sharing_questions" ADD CONSTRAINT "sharing_questions_asked_by_accounts_id_fk" FOREIGN KEY ("asked_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "carer_notes_from_idx" ON "carer_notes" USING btree ("from_account_id","created_at");--> statement-breakpoint
CREATE INDEX "sharing_questions_relationship_idx" ON "sharing_questions" USING btree ("relationship_id");--> statement-breakpoint
CREATE INDEX "accounts_carer_sign_up_idx" ON "accounts" USING btree ("carer_signed_up_at") WHERE "accounts"."carer_signed_up_at" is not null;