CREATE TABLE "enforcement_case_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"from_stage" varchar(16),
	"to_stage" varchar(16) NOT NULL,
	"note" varchar(1000),
	"actor_id" uuid NOT NULL,
	"actor_name" varchar(100) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_case_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"stage" varchar(16) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"content" text NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"recorded_by" uuid NOT NULL,
	"recorded_by_name" varchar(100) NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enforcement_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"case_no" varchar(24) NOT NULL,
	"agency_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"subject_id" uuid,
	"subject_name" varchar(100),
	"source" varchar(16) NOT NULL,
	"transfer_id" uuid,
	"task_id" uuid,
	"title" varchar(120) NOT NULL,
	"summary" varchar(2000) NOT NULL,
	"stage" varchar(16) DEFAULT 'filed' NOT NULL,
	"legal_basis" varchar(1000),
	"penalty_kind" varchar(16),
	"penalty_amount" numeric(14, 2),
	"decision" varchar(2000),
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "checklist_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"province_code" varchar(2) NOT NULL,
	"industry" varchar(16) NOT NULL,
	"items" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inspections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_name" varchar(100) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"recipient_id" uuid,
	"agency_id" uuid NOT NULL,
	"inspector_id" uuid NOT NULL,
	"inspector_name" varchar(100) NOT NULL,
	"industry" varchar(16) NOT NULL,
	"checklist" jsonb NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"findings" varchar(2000),
	"conclusion" varchar(16) NOT NULL,
	"rectify_by" date,
	"rectification" varchar(16) DEFAULT 'none' NOT NULL,
	"follow_up_of" uuid,
	"inspected_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_task_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"recipient_id" uuid NOT NULL,
	"action" varchar(16) NOT NULL,
	"from_status" varchar(16),
	"to_status" varchar(16) NOT NULL,
	"note" varchar(1000),
	"actor_id" uuid,
	"actor_name" varchar(100),
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_task_recipients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"agency_region" varchar(12) NOT NULL,
	"status" varchar(16) DEFAULT 'published' NOT NULL,
	"quota" integer,
	"assignee_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"progress_note" varchar(1000),
	"report" text,
	"accepted_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(24) NOT NULL,
	"title" varchar(120) NOT NULL,
	"content" text NOT NULL,
	"region_scope" varchar(12) NOT NULL,
	"product_scope" varchar(200),
	"target_subject_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"target_count" integer,
	"starts_on" date NOT NULL,
	"due_on" date,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"case_id" uuid,
	"publisher_agency_id" uuid NOT NULL,
	"publisher_region" varchar(12) NOT NULL,
	"status" varchar(16) DEFAULT 'open' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "supervision_tasks_dates" CHECK ("supervision_tasks"."due_on" IS NULL OR "supervision_tasks"."due_on" >= "supervision_tasks"."starts_on")
);
--> statement-breakpoint
CREATE TABLE "supervision_transfers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"inspection_id" uuid NOT NULL,
	"to_agency_id" uuid NOT NULL,
	"from_agency_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"reason" varchar(1000) NOT NULL,
	"status" varchar(16) DEFAULT 'pending' NOT NULL,
	"case_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enforcement_case_events" ADD CONSTRAINT "enforcement_case_events_case_id_enforcement_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_case_records" ADD CONSTRAINT "enforcement_case_records_case_id_enforcement_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."enforcement_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_recipient_id_supervision_task_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."supervision_task_recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_task_events" ADD CONSTRAINT "supervision_task_events_recipient_id_supervision_task_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."supervision_task_recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_task_recipients" ADD CONSTRAINT "supervision_task_recipients_task_id_supervision_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."supervision_tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_transfers" ADD CONSTRAINT "supervision_transfers_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enforcement_case_events_case" ON "enforcement_case_events" USING btree ("case_id","at");--> statement-breakpoint
CREATE INDEX "enforcement_case_records_case" ON "enforcement_case_records" USING btree ("case_id","recorded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_cases_no" ON "enforcement_cases" USING btree ("case_no");--> statement-breakpoint
CREATE UNIQUE INDEX "enforcement_cases_transfer" ON "enforcement_cases" USING btree ("transfer_id");--> statement-breakpoint
CREATE INDEX "enforcement_cases_agency" ON "enforcement_cases" USING btree ("agency_id","stage","created_at");--> statement-breakpoint
CREATE INDEX "enforcement_cases_region" ON "enforcement_cases" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "checklist_templates_one" ON "checklist_templates" USING btree ("province_code","industry");--> statement-breakpoint
CREATE INDEX "inspections_region" ON "inspections" USING btree ("region_code","inspected_at");--> statement-breakpoint
CREATE INDEX "inspections_subject" ON "inspections" USING btree ("subject_id","inspected_at");--> statement-breakpoint
CREATE INDEX "supervision_task_events_recipient" ON "supervision_task_events" USING btree ("recipient_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_task_recipients_one" ON "supervision_task_recipients" USING btree ("task_id","agency_id");--> statement-breakpoint
CREATE INDEX "supervision_task_recipients_agency" ON "supervision_task_recipients" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "supervision_task_recipients_open" ON "supervision_task_recipients" USING btree ("status");--> statement-breakpoint
CREATE INDEX "supervision_tasks_publisher" ON "supervision_tasks" USING btree ("publisher_agency_id","created_at");--> statement-breakpoint
CREATE INDEX "supervision_tasks_case" ON "supervision_tasks" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_transfers_inspection" ON "supervision_transfers" USING btree ("inspection_id");--> statement-breakpoint
CREATE INDEX "supervision_transfers_to" ON "supervision_transfers" USING btree ("to_agency_id","status");