CREATE TABLE "realtime_channels" (
	"channel" text PRIMARY KEY NOT NULL,
	"seq" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "realtime_messages" (
	"channel" text NOT NULL,
	"seq" bigint NOT NULL,
	"data" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "realtime_messages_channel_seq_pk" PRIMARY KEY("channel","seq")
);
--> statement-breakpoint
CREATE INDEX "realtime_messages_created" ON "realtime_messages" USING btree ("created_at");