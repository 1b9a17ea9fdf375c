-- An immutable wrapper of unaccent, so accent-free search expressions can be indexed.
CREATE OR REPLACE FUNCTION f_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;--> statement-breakpoint
DROP INDEX "users_search";--> statement-breakpoint
CREATE INDEX "users_search" ON "users" USING gin ((f_unaccent(lower("first_name" || ' ' || "last_name" || ' ' || "email"))) gin_trgm_ops);