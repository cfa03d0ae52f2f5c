CREATE TABLE "batch_holds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"code" varchar(20) NOT NULL,
	"depth" integer NOT NULL,
	"subject_id" uuid,
	"holder_name" varchar(100) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit" varchar(16) NOT NULL,
	"contact_via" varchar(8) NOT NULL,
	"market_subject_id" uuid,
	"status" varchar(10) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ended_at" timestamp with time zone,
	"ended_by" uuid,
	"end_note" varchar(500),
	"order_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"acknowledged_by_name" varchar(100),
	"withdrawn" numeric(14, 3),
	"destroyed" numeric(14, 3),
	"returned" numeric(14, 3),
	"report_note" varchar(500),
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"reported_by_name" varchar(100),
	CONSTRAINT "batch_holds_status" CHECK ("batch_holds"."status" IN ('held', 'released', 'withdrawn')),
	CONSTRAINT "batch_holds_contact" CHECK ("batch_holds"."contact_via" IN ('subject', 'market', 'phone', 'none')),
	CONSTRAINT "batch_holds_reported" CHECK (coalesce("batch_holds"."withdrawn", 0) >= 0 AND coalesce("batch_holds"."destroyed", 0) >= 0 AND coalesce("batch_holds"."returned", 0) >= 0)
);
--> statement-breakpoint
CREATE TABLE "lab_approvers" (
	"agency_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "lab_profiles" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"cma_no" varchar(40),
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recall_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"alert_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"agency_region" varchar(12) NOT NULL,
	"kind" varchar(10) NOT NULL,
	"instructions" varchar(1000) NOT NULL,
	"due_on" varchar(10),
	"issued_by" uuid NOT NULL,
	"issued_by_name" varchar(100) NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_how" varchar(10),
	"close_note" varchar(500),
	CONSTRAINT "recall_orders_kind" CHECK ("recall_orders"."kind" IN ('recall', 'withdraw'))
);
--> statement-breakpoint
ALTER TABLE "sample_reports" ALTER COLUMN "issued_by" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sample_reports" ALTER COLUMN "issued_by_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sample_reports" ALTER COLUMN "issued_at" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "sample_reports" ALTER COLUMN "issued_at" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "sample_reports" ADD COLUMN "status" varchar(12) DEFAULT 'entered' NOT NULL;--> statement-breakpoint
ALTER TABLE "sample_reports" ADD COLUMN "entered_by" uuid;--> statement-breakpoint
ALTER TABLE "sample_reports" ADD COLUMN "entered_by_name" varchar(100);--> statement-breakpoint
ALTER TABLE "sample_reports" ADD COLUMN "entered_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "sample_reports" ADD COLUMN "reviewed_by" uuid;--> statement-breakpoint
ALTER TABLE "sample_reports" ADD COLUMN "reviewed_by_name" varchar(100);--> statement-breakpoint
ALTER TABLE "sample_reports" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sample_reports" ADD COLUMN "return_reason" varchar(1000);--> statement-breakpoint
ALTER TABLE "sample_reports" ADD COLUMN "history" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "batch_holds" ADD CONSTRAINT "batch_holds_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recall_orders" ADD CONSTRAINT "recall_orders_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recall_orders" ADD CONSTRAINT "recall_orders_alert_id_monitoring_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."monitoring_alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "batch_holds_one" ON "batch_holds" USING btree ("sample_id","batch_id");--> statement-breakpoint
CREATE INDEX "batch_holds_batch" ON "batch_holds" USING btree ("batch_id","status");--> statement-breakpoint
CREATE INDEX "batch_holds_subject" ON "batch_holds" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "batch_holds_market" ON "batch_holds" USING btree ("market_subject_id");--> statement-breakpoint
CREATE INDEX "batch_holds_order" ON "batch_holds" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lab_approvers_one" ON "lab_approvers" USING btree ("agency_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recall_orders_sample" ON "recall_orders" USING btree ("sample_id");--> statement-breakpoint
CREATE INDEX "recall_orders_agency" ON "recall_orders" USING btree ("agency_id","issued_at");--> statement-breakpoint
ALTER TABLE "sample_reports" ADD CONSTRAINT "sample_reports_status" CHECK ("sample_reports"."status" IN ('entered', 'reviewed', 'approved', 'returned'));--> statement-breakpoint
-- Reports issued before the review step were entered and issued by one person: they stand as approved, entered by them.
UPDATE "sample_reports" SET "status" = 'approved', "entered_by" = "issued_by", "entered_by_name" = "issued_by_name", "entered_at" = "issued_at";--> statement-breakpoint
ALTER TABLE "sample_reports" ALTER COLUMN "entered_by" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sample_reports" ALTER COLUMN "entered_by_name" SET NOT NULL;--> statement-breakpoint
-- An issued (approved) version names its approver and time; a draft names neither.
ALTER TABLE "sample_reports" ADD CONSTRAINT "sample_reports_issued" CHECK (("status" = 'approved') = ("issued_by" IS NOT NULL AND "issued_at" IS NOT NULL));
