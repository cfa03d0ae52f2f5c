CREATE TABLE "incident_checks" (
	"incident_id" uuid NOT NULL,
	"audit_id" bigint NOT NULL,
	"checked_by" uuid NOT NULL,
	"checked_by_name" varchar(100) NOT NULL,
	"note" text,
	"checked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incident_checks_incident_id_audit_id_pk" PRIMARY KEY("incident_id","audit_id")
);
--> statement-breakpoint
CREATE TABLE "incident_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"actor_id" uuid,
	"actor_name" varchar(100) NOT NULL,
	"from_level" smallint,
	"to_level" smallint,
	"note" text,
	"data" jsonb,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_liaisons" (
	"province_code" varchar(2) PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_notices" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"kind" varchar(12) NOT NULL,
	"level" smallint NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"read_by" uuid,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"no" bigserial NOT NULL,
	"level" smallint NOT NULL,
	"state" varchar(12) DEFAULT 'open' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"place" varchar(200) NOT NULL,
	"phenomenon" text NOT NULL,
	"impact" text NOT NULL,
	"measures" text NOT NULL,
	"expected_recovery" text NOT NULL,
	"provinces" varchar(2)[] DEFAULT '{}'::varchar[] NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"level_since" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"overdue" varchar(10),
	"consent_by" uuid,
	"consent_at" timestamp with time zone,
	"provinces_told_at" timestamp with time zone,
	"extension_until" timestamp with time zone,
	"extension_reason" text,
	"recovered_at" timestamp with time zone,
	"recovery_notice" text,
	"record" text,
	"assessment" text,
	"closed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "incidents_no_unique" UNIQUE("no"),
	CONSTRAINT "incidents_level" CHECK ("incidents"."level" BETWEEN 1 AND 3),
	CONSTRAINT "incidents_state" CHECK ("incidents"."state" IN ('open', 'recovered', 'closed')),
	CONSTRAINT "incidents_overdue" CHECK ("incidents"."overdue" IS NULL OR "incidents"."overdue" IN ('deadline', 'limit'))
);
--> statement-breakpoint
ALTER TABLE "incident_checks" ADD CONSTRAINT "incident_checks_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_notices" ADD CONSTRAINT "incident_notices_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_events_of" ON "incident_events" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "incident_notices_province" ON "incident_notices" USING btree ("province_code","id");--> statement-breakpoint
CREATE INDEX "incidents_due" ON "incidents" USING btree ("state","deadline_at");--> statement-breakpoint
CREATE INDEX "incidents_reported" ON "incidents" USING btree ("reported_at");