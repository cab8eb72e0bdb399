CREATE TABLE "dialog_rating_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"service_user_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"recorded_by" uuid,
	"entered_as" text
);
--> statement-breakpoint
CREATE TABLE "dialog_ratings" (
	"set_id" uuid NOT NULL,
	"area" text NOT NULL,
	"rating" smallint NOT NULL,
	"more_help" boolean DEFAULT false NOT NULL,
	CONSTRAINT "dialog_ratings_set_id_area_pk" PRIMARY KEY("set_id","area"),
	CONSTRAINT "dialog_ratings_rating_range" CHECK ("dialog_ratings"."rating" BETWEEN 1 AND 7)
);
--> statement-breakpoint
ALTER TABLE "dialog_rating_sets" ADD CONSTRAINT "dialog_rating_sets_service_user_id_service_users_id_fk" FOREIGN KEY ("service_user_id") REFERENCES "public"."service_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_rating_sets" ADD CONSTRAINT "dialog_rating_sets_recorded_by_accounts_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_ratings" ADD CONSTRAINT "dialog_ratings_set_id_dialog_rating_sets_id_fk" FOREIGN KEY ("set_id") REFERENCES "public"."dialog_rating_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dialog_rating_sets_person_idx" ON "dialog_rating_sets" USING btree ("service_user_id","recorded_at");