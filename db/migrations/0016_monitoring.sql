CREATE TABLE "analytes" (
	"code" varchar(40) PRIMARY KEY NOT NULL,
	"name_zh" varchar(60) NOT NULL,
	"name_en" varchar(100) NOT NULL,
	"kind" varchar(16) NOT NULL,
	"banned" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"agency_region" varchar(12) NOT NULL,
	"sample_id" uuid NOT NULL,
	"report_version" integer NOT NULL,
	"batch_id" uuid,
	"subject_id" uuid,
	"title" varchar(200) NOT NULL,
	"recall" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"recall_total" integer DEFAULT 0 NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid,
	"case_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "residue_limits" (
	"id" integer PRIMARY KEY NOT NULL,
	"analyte_code" varchar(40) NOT NULL,
	"commodity_zh" varchar(60) NOT NULL,
	"class_code" varchar(12),
	"animal" boolean DEFAULT false NOT NULL,
	"mrl_mg_per_kg" numeric(12, 4),
	"residue_definition" varchar(300) NOT NULL,
	"standard" varchar(120) NOT NULL,
	"clause" varchar(200) NOT NULL,
	"source_url" varchar(300) NOT NULL,
	"note" varchar(2000)
);
--> statement-breakpoint
CREATE TABLE "sample_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"verdict" varchar(8) NOT NULL,
	"reason" varchar(1000),
	"issued_by" uuid NOT NULL,
	"issued_by_name" varchar(100) NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"analyte_code" varchar(40) NOT NULL,
	"method_standard" varchar(120) NOT NULL,
	"value" numeric(14, 6) NOT NULL,
	"unit" varchar(8) NOT NULL,
	"value_mg_per_kg" numeric(14, 6) NOT NULL,
	"lod_mg_per_kg" numeric(14, 6) NOT NULL,
	"limit_id" integer,
	"limit_mg_per_kg" numeric(12, 4),
	"limit_standard" varchar(200) NOT NULL,
	"limit_overridden" boolean DEFAULT false NOT NULL,
	"detected" boolean NOT NULL,
	"verdict" varchar(8) NOT NULL,
	CONSTRAINT "sample_results_value" CHECK ("sample_results"."value" >= 0 AND "sample_results"."lod_mg_per_kg" >= 0)
);
--> statement-breakpoint
CREATE TABLE "samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sample_no" varchar(24) NOT NULL,
	"task_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"code" varchar(20) NOT NULL,
	"code_type" integer NOT NULL,
	"batch_id" uuid,
	"product_name" varchar(100) NOT NULL,
	"class_code" varchar(12) NOT NULL,
	"class_zh" varchar(60) NOT NULL,
	"subject_id" uuid,
	"subject_name" varchar(100),
	"origin_region" varchar(12),
	"chain" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"place_kind" varchar(20) NOT NULL,
	"place_name" varchar(100) NOT NULL,
	"quantity" numeric(12, 3) NOT NULL,
	"unit" varchar(16) NOT NULL,
	"seal_no" varchar(40),
	"witnesses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lat" double precision,
	"lng" double precision,
	"note" varchar(1000),
	"sampler_id" uuid NOT NULL,
	"sampler_name" varchar(100) NOT NULL,
	"sampled_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" varchar(16) DEFAULT 'sampled' NOT NULL,
	"received_by" uuid,
	"received_by_name" varchar(100),
	"received_at" timestamp with time zone,
	"received_note" varchar(500),
	"verdict" varchar(8),
	"report_version" integer DEFAULT 0 NOT NULL,
	"judged_at" timestamp with time zone,
	CONSTRAINT "samples_quantity" CHECK ("samples"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "monitoring_alerts" ADD CONSTRAINT "monitoring_alerts_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residue_limits" ADD CONSTRAINT "residue_limits_analyte_code_analytes_code_fk" FOREIGN KEY ("analyte_code") REFERENCES "public"."analytes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_reports" ADD CONSTRAINT "sample_reports_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_results" ADD CONSTRAINT "sample_results_sample_id_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."samples"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_results" ADD CONSTRAINT "sample_results_analyte_code_analytes_code_fk" FOREIGN KEY ("analyte_code") REFERENCES "public"."analytes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_results" ADD CONSTRAINT "sample_results_limit_id_residue_limits_id_fk" FOREIGN KEY ("limit_id") REFERENCES "public"."residue_limits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_alerts_one" ON "monitoring_alerts" USING btree ("sample_id","report_version","agency_id");--> statement-breakpoint
CREATE INDEX "monitoring_alerts_agency" ON "monitoring_alerts" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "residue_limits_analyte" ON "residue_limits" USING btree ("analyte_code");--> statement-breakpoint
CREATE UNIQUE INDEX "sample_reports_version" ON "sample_reports" USING btree ("sample_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "sample_results_one" ON "sample_results" USING btree ("sample_id","version","analyte_code");--> statement-breakpoint
CREATE UNIQUE INDEX "samples_no" ON "samples" USING btree ("sample_no");--> statement-breakpoint
CREATE INDEX "samples_recipient" ON "samples" USING btree ("recipient_id","sampled_at");--> statement-breakpoint
CREATE INDEX "samples_agency" ON "samples" USING btree ("agency_id","status","sampled_at");--> statement-breakpoint
CREATE INDEX "samples_region" ON "samples" USING btree ("region_code","sampled_at");--> statement-breakpoint
CREATE INDEX "samples_batch" ON "samples" USING btree ("batch_id");