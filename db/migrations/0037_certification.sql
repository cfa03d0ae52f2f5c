CREATE TABLE "scheme_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"scheme" varchar(16) NOT NULL,
	"number" varchar(60) NOT NULL,
	"holder_hash" varchar(64) NOT NULL,
	"holder_shown" varchar(18) NOT NULL,
	"holder_name" varchar(100) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"products" varchar(300) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"state" varchar(12) NOT NULL,
	"annual_check" jsonb,
	"renewed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheme_certificates_state" CHECK ("scheme_certificates"."state" IN ('valid', 'suspended', 'revoked')),
	CONSTRAINT "scheme_certificates_dates" CHECK ("scheme_certificates"."valid_from" <= "scheme_certificates"."valid_to")
);
--> statement-breakpoint
CREATE TABLE "trace_check_items" (
	"check_id" uuid NOT NULL,
	"seq" smallint NOT NULL,
	"name_given" varchar(100),
	"identity_shown" varchar(18) NOT NULL,
	"outcome" varchar(16) NOT NULL,
	"subject_id" uuid,
	"subject_name" varchar(100),
	"batches" integer DEFAULT 0 NOT NULL,
	"scan_trades" integer DEFAULT 0 NOT NULL,
	"market_vouchers" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "trace_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"title" varchar(100) NOT NULL,
	"item_count" integer NOT NULL,
	"implementing" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subject_certificates" ADD COLUMN "issued_by_system" varchar(100);--> statement-breakpoint
ALTER TABLE "trace_check_items" ADD CONSTRAINT "trace_check_items_check_id_trace_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."trace_checks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "scheme_certificates_number" ON "scheme_certificates" USING btree ("scheme","number");--> statement-breakpoint
CREATE INDEX "scheme_certificates_holder" ON "scheme_certificates" USING btree ("holder_hash");--> statement-breakpoint
CREATE INDEX "scheme_certificates_region" ON "scheme_certificates" USING btree ("region_code","scheme");--> statement-breakpoint
CREATE UNIQUE INDEX "trace_check_items_seq" ON "trace_check_items" USING btree ("check_id","seq");--> statement-breakpoint
CREATE INDEX "trace_checks_region" ON "trace_checks" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE VIEW "public"."registry_subject_identities" AS (select "id", "id_hash", "status", "region_code" from "subjects");