CREATE SEQUENCE "public"."offer_numbers" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 100 CACHE 1;--> statement-breakpoint
CREATE TABLE "course_deployments" (
	"course_id" uuid PRIMARY KEY NOT NULL,
	"offer_id" uuid NOT NULL,
	"version" text NOT NULL,
	"deployed_by" uuid,
	"deployed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "offer_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"publics" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"token" text NOT NULL,
	"last_sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "offer_subscriptions_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "offer_subscriptions_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "offer_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"offer_id" uuid NOT NULL,
	"version" text NOT NULL,
	"release_notes" text DEFAULT '' NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer DEFAULT nextval('offer_numbers') NOT NULL,
	"kind" text NOT NULL,
	"course_id" uuid NOT NULL,
	"domain_id" uuid NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"collection" text,
	"publics" text[] DEFAULT '{}'::text[] NOT NULL,
	"keywords" text[] DEFAULT '{}'::text[] NOT NULL,
	"origin" text,
	"modality" text,
	"duration_minutes" integer DEFAULT 0 NOT NULL,
	"keywords_text" text DEFAULT '' NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('french', f_unaccent(coalesce("title", ''))), 'A') || setweight(to_tsvector('french', f_unaccent(coalesce("keywords_text", ''))), 'B') || setweight(to_tsvector('french', f_unaccent(coalesce("summary", ''))), 'C')) STORED,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"self_enrolment" boolean DEFAULT false NOT NULL,
	"version" text,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "offers_number_unique" UNIQUE("number"),
	CONSTRAINT "offers_course_id_unique" UNIQUE("course_id")
);
--> statement-breakpoint
ALTER TABLE "course_deployments" ADD CONSTRAINT "course_deployments_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_deployments" ADD CONSTRAINT "course_deployments_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_deployments" ADD CONSTRAINT "course_deployments_deployed_by_users_id_fk" FOREIGN KEY ("deployed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_subscriptions" ADD CONSTRAINT "offer_subscriptions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_versions" ADD CONSTRAINT "offer_versions_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_domain_id_domains_id_fk" FOREIGN KEY ("domain_id") REFERENCES "public"."domains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_deployments_offer" ON "course_deployments" USING btree ("offer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_versions_version" ON "offer_versions" USING btree ("offer_id","version");--> statement-breakpoint
CREATE INDEX "offers_search" ON "offers" USING gin ("search") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "offers_publics" ON "offers" USING gin ("publics") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "offers_keywords" ON "offers" USING gin ("keywords") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "offers_listing" ON "offers" USING btree ("kind","status","published_at");