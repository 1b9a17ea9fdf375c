ALTER TABLE "course_sessions" ADD COLUMN "contact_email" text;--> statement-breakpoint
ALTER TABLE "course_sessions" ADD COLUMN "on_site_days" jsonb DEFAULT '[]'::jsonb NOT NULL;