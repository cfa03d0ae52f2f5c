CREATE TABLE "epcis_captures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" varchar(8) NOT NULL,
	"owner_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"user_id" uuid NOT NULL,
	"state" varchar(8) NOT NULL,
	"error_behaviour" varchar(8) NOT NULL,
	"event_count" integer NOT NULL,
	"stored_count" integer NOT NULL,
	"duplicate_count" integer NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "epcis_captures_state" CHECK ("epcis_captures"."state" IN ('running', 'success', 'failed')),
	CONSTRAINT "epcis_captures_behaviour" CHECK ("epcis_captures"."error_behaviour" IN ('rollback', 'proceed'))
);
--> statement-breakpoint
CREATE TABLE "epcis_events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"event_ids" text[] NOT NULL,
	"event_hash" varchar(100) NOT NULL,
	"owner_kind" varchar(8) NOT NULL,
	"owner_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"capture_id" uuid NOT NULL,
	"event_type" varchar(24) NOT NULL,
	"event_time" timestamp with time zone NOT NULL,
	"record_time" timestamp with time zone DEFAULT now() NOT NULL,
	"action" varchar(8),
	"biz_step" text,
	"disposition" text,
	"read_point" text,
	"biz_location" text,
	"epcs" text[] DEFAULT '{}'::text[] NOT NULL,
	"any_epcs" text[] DEFAULT '{}'::text[] NOT NULL,
	"epc_classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"any_epc_classes" text[] DEFAULT '{}'::text[] NOT NULL,
	"error_declared" boolean DEFAULT false NOT NULL,
	"document" jsonb NOT NULL,
	"namespaces" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "epcis_events_owner_kind" CHECK ("epcis_events"."owner_kind" IN ('agency', 'subject'))
);
--> statement-breakpoint
CREATE INDEX "epcis_captures_owner" ON "epcis_captures" USING btree ("owner_kind","owner_id","created_at");--> statement-breakpoint
CREATE INDEX "epcis_captures_region" ON "epcis_captures" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "epcis_events_owner_hash" ON "epcis_events" USING btree ("owner_kind","owner_id","event_hash","error_declared");--> statement-breakpoint
CREATE INDEX "epcis_events_event_ids" ON "epcis_events" USING gin ("event_ids");--> statement-breakpoint
CREATE INDEX "epcis_events_region" ON "epcis_events" USING btree ("region_code","record_time");--> statement-breakpoint
CREATE INDEX "epcis_events_event_time" ON "epcis_events" USING btree ("event_time");--> statement-breakpoint
CREATE INDEX "epcis_events_record_time" ON "epcis_events" USING btree ("record_time");--> statement-breakpoint
CREATE INDEX "epcis_events_biz_step" ON "epcis_events" USING btree ("biz_step");--> statement-breakpoint
CREATE INDEX "epcis_events_capture" ON "epcis_events" USING btree ("capture_id");--> statement-breakpoint
CREATE INDEX "epcis_events_epcs" ON "epcis_events" USING gin ("epcs");--> statement-breakpoint
CREATE INDEX "epcis_events_any_epcs" ON "epcis_events" USING gin ("any_epcs");--> statement-breakpoint
CREATE INDEX "epcis_events_epc_classes" ON "epcis_events" USING gin ("epc_classes");--> statement-breakpoint
CREATE INDEX "epcis_events_any_epc_classes" ON "epcis_events" USING gin ("any_epc_classes");