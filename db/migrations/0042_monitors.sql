CREATE TABLE "assessment_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"indicator" varchar(32) NOT NULL,
	"weight" integer NOT NULL,
	"target" real NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_indicators_weight" CHECK ("assessment_indicators"."weight" > 0 AND "assessment_indicators"."weight" <= 100),
	CONSTRAINT "assessment_indicators_target" CHECK ("assessment_indicators"."target" > 0)
);
--> statement-breakpoint
CREATE TABLE "monitor_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"setter_agency_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"indicator" varchar(32) NOT NULL,
	"target" real NOT NULL,
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monitor_targets_nonnegative" CHECK ("monitor_targets"."target" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rectification_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"issuer_agency_id" uuid NOT NULL,
	"issuer_agency_name" varchar(100) NOT NULL,
	"issuer_region" varchar(12) NOT NULL,
	"target_kind" varchar(8) NOT NULL,
	"target_agency_id" uuid,
	"target_subject_id" uuid,
	"target_name" varchar(100) NOT NULL,
	"target_region" varchar(12) NOT NULL,
	"monitor" varchar(16) NOT NULL,
	"reason" varchar(2000) NOT NULL,
	"deadline" date NOT NULL,
	"status" varchar(12) DEFAULT 'issued' NOT NULL,
	"answer" varchar(2000),
	"answered_by" uuid,
	"answered_by_name" varchar(100),
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_note" varchar(1000),
	"issued_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rectification_notices_target" CHECK (("rectification_notices"."target_kind" = 'agency' AND "rectification_notices"."target_agency_id" IS NOT NULL) OR ("rectification_notices"."target_kind" = 'subject' AND "rectification_notices"."target_subject_id" IS NOT NULL)),
	CONSTRAINT "rectification_notices_status" CHECK ("rectification_notices"."status" IN ('issued', 'answered', 'closed'))
);
--> statement-breakpoint
CREATE TABLE "periodic_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"agency_name" varchar(100) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" varchar(12) NOT NULL,
	"period" varchar(8) NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"generated_by" uuid,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "periodic_reports_status" CHECK ("periodic_reports"."status" IN ('draft', 'submitted', 'acknowledged')),
	CONSTRAINT "periodic_reports_kind" CHECK ("periodic_reports"."kind" IN ('monthly', 'half_year'))
);
--> statement-breakpoint
CREATE TABLE "report_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"agency_name" varchar(100) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"kind" varchar(12) NOT NULL,
	"title" varchar(120) NOT NULL,
	"note" varchar(2000),
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_by" uuid NOT NULL,
	"submitter_name" varchar(100) NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_documents_kind" CHECK ("report_documents"."kind" IN ('plan', 'progress'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "assessment_indicators_one" ON "assessment_indicators" USING btree ("agency_id","indicator");--> statement-breakpoint
CREATE UNIQUE INDEX "monitor_targets_one" ON "monitor_targets" USING btree ("region_code","indicator");--> statement-breakpoint
CREATE INDEX "rectification_notices_target_region" ON "rectification_notices" USING btree ("target_region","created_at");--> statement-breakpoint
CREATE INDEX "rectification_notices_target_agency" ON "rectification_notices" USING btree ("target_agency_id","status");--> statement-breakpoint
CREATE INDEX "rectification_notices_target_subject" ON "rectification_notices" USING btree ("target_subject_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "periodic_reports_version" ON "periodic_reports" USING btree ("agency_id","kind","period","version");--> statement-breakpoint
CREATE INDEX "periodic_reports_region" ON "periodic_reports" USING btree ("region_code","period");--> statement-breakpoint
CREATE INDEX "report_documents_region" ON "report_documents" USING btree ("region_code","submitted_at");--> statement-breakpoint
CREATE VIEW "public"."enforcement_case_facts" AS (select "id", "agency_id", "region_code", "source", "stage", "created_at", "closed_at" from "enforcement_cases");--> statement-breakpoint
CREATE VIEW "public"."enforcement_case_stage_facts" AS (select case_id, to_stage as stage, at as entered_at, lead(at) over (partition by case_id order by at) as left_at from enforcement_case_events);--> statement-breakpoint
CREATE VIEW "public"."monitoring_sample_facts" AS (select "id", "task_id", "recipient_id", "agency_id", "region_code", "status", "verdict", "sampled_at", "received_at", "judged_at" from "samples");--> statement-breakpoint
CREATE VIEW "public"."registry_agency_facts" AS (select "id", "name", "kind", "level", "region_code", "status" from "agencies");--> statement-breakpoint
CREATE VIEW "public"."registry_subject_facts" AS (select "id", "region_code", "status", "category", "registered_at" from "subjects");--> statement-breakpoint
CREATE VIEW "public"."supervision_inspection_facts" AS (select "id", "subject_id", "region_code", "agency_id", "conclusion", "rectification", "rectify_by", "inspected_at" from "inspections");--> statement-breakpoint
CREATE VIEW "public"."supervision_transfer_facts" AS (select "id", "region_code", "to_agency_id", "status", "created_at" from "supervision_transfers");--> statement-breakpoint
CREATE VIEW "public"."supervision_task_recipient_facts" AS (select r.id as recipient_id, r.task_id, t.kind, r.agency_id, r.agency_region, r.status, coalesce(r.quota, t.target_count) as quota, r.done, t.starts_on, t.due_on from supervision_task_recipients r join supervision_tasks t on t.id = r.task_id);--> statement-breakpoint
CREATE VIEW "public"."trace_batch_facts" AS (select "id", "subject_id", "region_code", "source", "created_at" from "batches");--> statement-breakpoint
CREATE VIEW "public"."trace_code_facts" AS (select c.code, c.type, c.county, c.subject_id, c.issued_at, coalesce(l.count, 0) as lookups from trace_codes c left join code_lookups l on l.code = c.code);--> statement-breakpoint
CREATE VIEW "public"."trace_trade_facts" AS (select "id", "seller_subject_id", "kind", "status", "created_at" from "trades");--> statement-breakpoint
CREATE VIEW "public"."ops_feedback_facts" AS (select "id", "kind", "state", "filer_region", "created_at", "updated_at" from "feedback");