CREATE TABLE "communication_needs" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"contact_methods" text[] DEFAULT '{}' NOT NULL,
	"formats" text[] DEFAULT '{}' NOT NULL,
	"attachment_format" text DEFAULT '' NOT NULL,
	"support" text[] DEFAULT '{}' NOT NULL,
	"other" text DEFAULT '' NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"no_needs" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communication_needs" ADD CONSTRAINT "communication_needs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;