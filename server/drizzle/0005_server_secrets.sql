-- Secrets the server generates once and every instance on this database must share: the access
-- token signing secret (`jwt`) when JWT_SECRET is not set.
CREATE TABLE "server_secrets" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
