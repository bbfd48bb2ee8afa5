-- Every committed change that makes a cached answer wrong is announced on the channel
-- `marquee_changes`, whoever made it, so each server instance can drop what it cached:
-- `session:<id>` when a session is revoked, changed or deleted, `watchlist:<user id>` when a
-- user's list changes. PostgreSQL delivers a notification at commit, to every listener.
CREATE FUNCTION marquee_session_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('marquee_changes', 'session:' || OLD.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_changed AFTER UPDATE OR DELETE ON sessions
  FOR EACH ROW EXECUTE FUNCTION marquee_session_changed();
--> statement-breakpoint
CREATE FUNCTION marquee_watchlist_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('marquee_changes', 'watchlist:' || CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER watchlist_changed AFTER INSERT OR UPDATE OR DELETE ON watchlist
  FOR EACH ROW EXECUTE FUNCTION marquee_watchlist_changed();
