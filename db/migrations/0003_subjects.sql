CREATE TABLE "subject_application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"action" varchar(16) NOT NULL,
	"opinion" varchar(500),
	"actor_id" uuid,
	"actor_name" varchar(100),
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" varchar(24) NOT NULL,
	"status" varchar(16) NOT NULL,
	"form" jsonb NOT NULL,
	"name" varchar(100) NOT NULL,
	"id_kind" varchar(16) NOT NULL,
	"id_enc" varchar(200) NOT NULL,
	"id_hash" varchar(64) NOT NULL,
	"phone_enc" varchar(200) NOT NULL,
	"phone_hash" varchar(64) NOT NULL,
	"username" varchar(40) NOT NULL,
	"password_hash" varchar(200) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"opinion" varchar(500),
	"revision" integer DEFAULT 1 NOT NULL,
	"subject_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_bad_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"severity" varchar(16) NOT NULL,
	"description" varchar(1000) NOT NULL,
	"occurred_on" date NOT NULL,
	"source" varchar(40) DEFAULT 'manual' NOT NULL,
	"agency_id" uuid NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" varchar(20) NOT NULL,
	"number" varchar(60) NOT NULL,
	"products" varchar(300) NOT NULL,
	"issuer" varchar(100),
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"scan_file_id" uuid,
	"status" varchar(16) DEFAULT 'unverified' NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"verify_note" varchar(300),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" varchar(16) NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"secret" jsonb,
	"reason" varchar(500),
	"opinion" varchar(500),
	"requested_by" uuid NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_status_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"from_status" varchar(16),
	"to_status" varchar(16) NOT NULL,
	"reason" varchar(500),
	"actor_id" uuid,
	"actor_name" varchar(100),
	"agency_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subjects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category" smallint NOT NULL,
	"org_form" smallint NOT NULL,
	"name" varchar(100) NOT NULL,
	"id_kind" varchar(16),
	"id_enc" varchar(200),
	"id_hash" varchar(64),
	"legal_rep" varchar(60),
	"phone_enc" varchar(200),
	"phone_hash" varchar(64),
	"industries" text[] NOT NULL,
	"scale" numeric(14, 2),
	"scale_unit" varchar(16),
	"annual_output" numeric(14, 2),
	"output_unit" varchar(16),
	"region_code" varchar(12) NOT NULL,
	"address" varchar(200),
	"lat" double precision,
	"lng" double precision,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" varchar(16) NOT NULL,
	"temp_code" varchar(24),
	"e_token" varchar(40),
	"e_token_issued_at" timestamp with time zone,
	"registered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "agency_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "account_no" integer;--> statement-breakpoint
ALTER TABLE "subject_application_events" ADD CONSTRAINT "subject_application_events_application_id_subject_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."subject_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_applications" ADD CONSTRAINT "subject_applications_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_bad_records" ADD CONSTRAINT "subject_bad_records_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_certificates" ADD CONSTRAINT "subject_certificates_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_change_requests" ADD CONSTRAINT "subject_change_requests_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_status_events" ADD CONSTRAINT "subject_status_events_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "subject_application_events_app" ON "subject_application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_applications_tracking" ON "subject_applications" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_applications_open_id" ON "subject_applications" USING btree ("id_hash") WHERE status IN ('pending', 'returned');--> statement-breakpoint
CREATE UNIQUE INDEX "subject_applications_open_username" ON "subject_applications" USING btree (lower("username")) WHERE status IN ('pending', 'returned');--> statement-breakpoint
CREATE INDEX "subject_applications_inbox" ON "subject_applications" USING btree ("region_code","status","submitted_at");--> statement-breakpoint
CREATE INDEX "subject_bad_records_subject" ON "subject_bad_records" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE INDEX "subject_certificates_subject" ON "subject_certificates" USING btree ("subject_id");--> statement-breakpoint
CREATE UNIQUE INDEX "subject_certificates_number" ON "subject_certificates" USING btree ("kind","number") WHERE status <> 'withdrawn';--> statement-breakpoint
CREATE UNIQUE INDEX "subject_change_requests_one_open" ON "subject_change_requests" USING btree ("subject_id") WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX "subject_change_requests_inbox" ON "subject_change_requests" USING btree ("region_code","status","created_at");--> statement-breakpoint
CREATE INDEX "subject_status_events_subject" ON "subject_status_events" USING btree ("subject_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "subjects_id_hash" ON "subjects" USING btree ("id_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "subjects_e_token" ON "subjects" USING btree ("e_token");--> statement-breakpoint
CREATE UNIQUE INDEX "subjects_temp_code" ON "subjects" USING btree ("temp_code");--> statement-breakpoint
CREATE INDEX "subjects_region" ON "subjects" USING btree ("region_code","id");--> statement-breakpoint
CREATE INDEX "subjects_name" ON "subjects" USING btree ("name");--> statement-breakpoint
CREATE INDEX "subjects_phone_hash" ON "subjects" USING btree ("phone_hash");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_subject_id_subjects_id_fk" FOREIGN KEY ("subject_id") REFERENCES "public"."subjects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "users_subject_no" ON "users" USING btree ("subject_id","account_no");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_one_owner" CHECK (("users"."agency_id" IS NULL) <> ("users"."subject_id" IS NULL));