CREATE TABLE "outbox_cursors" (
	"consumer" varchar(80) PRIMARY KEY NOT NULL,
	"tx_id" "xid8" DEFAULT '0'::xid8 NOT NULL,
	"event_id" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tx_id" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"type" varchar(80) NOT NULL,
	"aggregate_type" varchar(40) NOT NULL,
	"aggregate_id" varchar(80) NOT NULL,
	"region_code" varchar(12),
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" varchar(80) NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" varchar(10) DEFAULT 'queued' NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"locked_by" varchar(120),
	"locked_until" timestamp with time zone,
	"last_error" text,
	"unique_key" varchar(160),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "jobs_unique_key_unique" UNIQUE("unique_key"),
	CONSTRAINT "jobs_state" CHECK ("jobs"."state" IN ('queued', 'running', 'succeeded', 'dead')),
	CONSTRAINT "jobs_attempts" CHECK ("jobs"."attempts" >= 0 AND "jobs"."max_attempts" >= 1)
);
--> statement-breakpoint
CREATE INDEX "outbox_events_order" ON "outbox_events" USING btree ("tx_id","id");--> statement-breakpoint
CREATE INDEX "jobs_due" ON "jobs" USING btree ("state","run_at");--> statement-breakpoint
CREATE INDEX "jobs_kind" ON "jobs" USING btree ("kind","id");--> statement-breakpoint
-- Every trace action (batch created, sold, confirmed, received, split…) writes its immutable trace event in its own
-- transaction; the outbox row is written with it by this trigger, so no command can forget its domain event.
CREATE FUNCTION trace_events_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO outbox_events (type, aggregate_type, aggregate_id, region_code, payload)
  SELECT 'trace.' || n.biz_step, 'trace_event', n.id::text, n.region_code,
         jsonb_build_object('traceEventId', n.id, 'eventType', n.event_type, 'action', n.action, 'bizStep', n.biz_step,
                            'disposition', n.disposition, 'codes', to_jsonb(n.codes), 'subjectId', n.subject_id, 'at', n.at)
  FROM new_events n ORDER BY n.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER trace_events_outbox AFTER INSERT ON trace_events REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION trace_events_outbox();
