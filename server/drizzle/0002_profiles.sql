-- Profiles: every account holds 1…5; My List belongs to a profile, and a session is on one.
-- Existing accounts get their owner profile (named after the account, cut to 30 characters,
-- maturity `all`), their lists move into it and their sessions go on it.
CREATE TABLE "profiles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"avatar" text NOT NULL,
	"kids" boolean DEFAULT false NOT NULL,
	"maturity" text DEFAULT 'all' NOT NULL,
	"pin_hash" text,
	"owner" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"seq" bigserial NOT NULL,
	CONSTRAINT "profiles_maturity_check" CHECK ("profiles"."maturity" in ('little_kids', 'older_kids', 'teens', 'all')),
	CONSTRAINT "profiles_kids_maturity_check" CHECK (not "profiles"."kids" or "profiles"."maturity" in ('little_kids', 'older_kids'))
);
--> statement-breakpoint
ALTER TABLE "profiles" ADD CONSTRAINT "profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_user_name_key" ON "profiles" USING btree ("user_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "profiles_one_owner_key" ON "profiles" USING btree ("user_id") WHERE "profiles"."owner";--> statement-breakpoint
CREATE INDEX "profiles_user_order_idx" ON "profiles" USING btree ("user_id","created_at","seq");--> statement-breakpoint
-- The owner profile of every existing account; its avatar is picked from the id, so neighbours differ.
-- The name is cut to 30 characters and trimmed again as the server trims (JavaScript's whitespace), so
-- a cut that ends in a space leaves none. hashtext() is an int4: taken to bigint before it is made
-- non-negative, as abs(-2147483648) overflows int4.
INSERT INTO "profiles" ("user_id", "name", "avatar", "owner", "created_at")
SELECT "id",
       regexp_replace(left(regexp_replace("name", '^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$', '', 'g'), 30),
                      '^[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$', '', 'g'),
       (ARRAY['ember','tide','moss','dusk','sunny','plum','coral','frost','comet','fern','ink','honey'])[1 + mod(hashtext("id"::text)::bigint + 2147483648, 12)],
       true, "created_at"
FROM "users";
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "profile_id" uuid;--> statement-breakpoint
UPDATE "sessions" SET "profile_id" = "profiles"."id" FROM "profiles" WHERE "profiles"."user_id" = "sessions"."user_id" AND "profiles"."owner";--> statement-breakpoint
ALTER TABLE "sessions" ALTER COLUMN "profile_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sessions_profile_idx" ON "sessions" USING btree ("profile_id");--> statement-breakpoint
ALTER TABLE "watchlist" ADD COLUMN "profile_id" uuid;--> statement-breakpoint
UPDATE "watchlist" SET "profile_id" = "profiles"."id" FROM "profiles" WHERE "profiles"."user_id" = "watchlist"."user_id" AND "profiles"."owner";--> statement-breakpoint
ALTER TABLE "watchlist" ALTER COLUMN "profile_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "watchlist" DROP CONSTRAINT "watchlist_user_id_media_type_title_id_pk";--> statement-breakpoint
ALTER TABLE "watchlist" ADD CONSTRAINT "watchlist_profile_id_media_type_title_id_pk" PRIMARY KEY("profile_id","media_type","title_id");--> statement-breakpoint
ALTER TABLE "watchlist" ADD CONSTRAINT "watchlist_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "watchlist_profile_added_idx" ON "watchlist" USING btree ("profile_id","added_at" DESC NULLS LAST,"seq" DESC NULLS LAST);--> statement-breakpoint
-- Announce list changes by profile now (see 0001), and profile changes too: an instance that
-- cached a profile's limit or a session on it must drop it when the profile changes or goes.
CREATE OR REPLACE FUNCTION marquee_watchlist_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('marquee_changes', 'watchlist:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.profile_id ELSE NEW.profile_id END);
  RETURN NULL;
END
$$;
--> statement-breakpoint
ALTER TABLE "watchlist" DROP COLUMN "user_id";--> statement-breakpoint
CREATE FUNCTION marquee_profile_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('marquee_changes', 'profile:' || OLD.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER profiles_changed AFTER UPDATE OR DELETE ON profiles
  FOR EACH ROW EXECUTE FUNCTION marquee_profile_changed();
