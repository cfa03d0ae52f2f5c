CREATE TABLE "epcis_queries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" varchar(8) NOT NULL,
	"owner_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"name" varchar(100) NOT NULL,
	"query" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "epcis_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"query_id" uuid NOT NULL,
	"dest" text NOT NULL,
	"signature_token" text,
	"stream" boolean NOT NULL,
	"schedule" jsonb,
	"report_if_empty" boolean DEFAULT false NOT NULL,
	"user_id" uuid NOT NULL,
	"reader" jsonb NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"next_run_at" timestamp with time zone,
	"last_delivered_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "epcis_subscriptions_kind" CHECK ("epcis_subscriptions"."stream" OR "epcis_subscriptions"."schedule" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "epcis_events" ADD COLUMN "origin" varchar(10) DEFAULT 'captured' NOT NULL;--> statement-breakpoint
ALTER TABLE "epcis_events" ADD COLUMN "source_key" text;--> statement-breakpoint
ALTER TABLE "epcis_events" ADD COLUMN "trace_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "epcis_subscriptions" ADD CONSTRAINT "epcis_subscriptions_query_id_epcis_queries_id_fk" FOREIGN KEY ("query_id") REFERENCES "public"."epcis_queries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "epcis_queries_name" ON "epcis_queries" USING btree ("owner_kind","owner_id","name");--> statement-breakpoint
CREATE INDEX "epcis_subscriptions_query" ON "epcis_subscriptions" USING btree ("query_id");--> statement-breakpoint
CREATE UNIQUE INDEX "epcis_events_source_key" ON "epcis_events" USING btree ("source_key");--> statement-breakpoint
CREATE INDEX "epcis_events_trace_codes" ON "epcis_events" USING gin ("trace_codes");--> statement-breakpoint
ALTER TABLE "epcis_events" ADD CONSTRAINT "epcis_events_origin" CHECK ("epcis_events"."origin" IN ('captured', 'tracenet'));