-- Password links are bound to the account's password as it was when they were issued: links already out
-- get the fingerprint of the current password, so they keep working until it changes.
ALTER TABLE "password_tokens" ADD COLUMN "password_fingerprint" text;--> statement-breakpoint
UPDATE "password_tokens" SET "password_fingerprint" = encode(sha256(convert_to(coalesce("users"."password_hash", ''), 'UTF8')), 'hex') FROM "users" WHERE "users"."id" = "password_tokens"."user_id";--> statement-breakpoint
ALTER TABLE "password_tokens" ALTER COLUMN "password_fingerprint" SET NOT NULL;
