-- Thumbs up / down per profile ("I like this" / "Not for me"), with a snapshot of the title as rated.
CREATE TABLE "ratings" (
	"profile_id" uuid NOT NULL,
	"media_type" text NOT NULL,
	"title_id" integer NOT NULL,
	"rating" text NOT NULL,
	"rated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" bigserial NOT NULL,
	"snapshot" jsonb NOT NULL,
	CONSTRAINT "ratings_profile_id_media_type_title_id_pk" PRIMARY KEY("profile_id","media_type","title_id"),
	CONSTRAINT "ratings_media_type_check" CHECK ("ratings"."media_type" in ('movie', 'tv')),
	CONSTRAINT "ratings_rating_check" CHECK ("ratings"."rating" in ('up', 'down')),
	CONSTRAINT "ratings_title_id_check" CHECK ("ratings"."title_id" > 0)
);
--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ratings_profile_rated_idx" ON "ratings" USING btree ("profile_id","rated_at" DESC NULLS LAST,"seq" DESC NULLS LAST);