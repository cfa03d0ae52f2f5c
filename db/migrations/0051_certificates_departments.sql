CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" varchar(26) NOT NULL,
	"batch_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"issuer_role" varchar(16) NOT NULL,
	"basis" varchar(24) NOT NULL,
	"tested_items" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit" varchar(16) NOT NULL,
	"issued_on" date NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"issued_by" uuid NOT NULL,
	"prints" integer DEFAULT 0 NOT NULL,
	"last_printed_at" timestamp with time zone,
	CONSTRAINT "certificates_quantity_positive" CHECK ("certificates"."quantity" > 0),
	CONSTRAINT "certificates_role" CHECK ("certificates"."issuer_role" IN ('producer', 'purchaser'))
);
--> statement-breakpoint
DROP INDEX "agencies_one_supervision";--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "department" varchar(16) DEFAULT 'agriculture' NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "industries" text[];--> statement-breakpoint
ALTER TABLE "subject_applications" ADD COLUMN "department" varchar(16) DEFAULT 'agriculture' NOT NULL;--> statement-breakpoint
ALTER TABLE "subject_applications" ADD COLUMN "legal_rep_id_enc" varchar(200);--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "department" varchar(16) DEFAULT 'agriculture' NOT NULL;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "legal_rep_id_enc" varchar(200);--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "legal_rep_id_shown" varchar(18);--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_number" ON "certificates" USING btree ("number");--> statement-breakpoint
CREATE INDEX "certificates_batch" ON "certificates" USING btree ("batch_id","issued_at");--> statement-breakpoint
CREATE INDEX "certificates_subject" ON "certificates" USING btree ("subject_id","issued_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_one_supervision" ON "agencies" USING btree ("level","region_code","department") WHERE kind = 'supervision';