CREATE TABLE "outbox_purged" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"tx_id" "xid8" NOT NULL,
	"event_id" bigint NOT NULL,
	"purged_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "paused_reason" varchar(300);