ALTER TABLE "analytes" ADD COLUMN "origin" varchar(12) DEFAULT 'reference' NOT NULL;--> statement-breakpoint
ALTER TABLE "analytes" ADD COLUMN "owner_agency_id" uuid;--> statement-breakpoint
ALTER TABLE "analytes" ADD COLUMN "region_code" varchar(12);--> statement-breakpoint
ALTER TABLE "analytes" ADD COLUMN "cas" varchar(20);--> statement-breakpoint
ALTER TABLE "analytes" ADD COLUMN "method" varchar(120);--> statement-breakpoint
ALTER TABLE "analytes" ADD COLUMN "unit" varchar(8);--> statement-breakpoint
ALTER TABLE "analytes" ADD COLUMN "standard" varchar(120);--> statement-breakpoint
ALTER TABLE "analytes" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "analytes" ADD COLUMN "created_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "residue_limits" ADD COLUMN "ref_id" integer;--> statement-breakpoint
ALTER TABLE "residue_limits" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "residue_limits" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "residue_limits" ADD COLUMN "origin" varchar(12) DEFAULT 'reference' NOT NULL;--> statement-breakpoint
ALTER TABLE "residue_limits" ADD COLUMN "owner_agency_id" uuid;--> statement-breakpoint
ALTER TABLE "residue_limits" ADD COLUMN "region_code" varchar(12);--> statement-breakpoint
ALTER TABLE "residue_limits" ADD COLUMN "created_by" uuid;--> statement-breakpoint
ALTER TABLE "residue_limits" ADD COLUMN "created_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
CREATE UNIQUE INDEX "residue_limits_ref_version" ON "residue_limits" USING btree ("ref_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "residue_limits_ref_live" ON "residue_limits" USING btree ("ref_id") WHERE retired_at IS NULL;--> statement-breakpoint
ALTER TABLE "residue_limits" ADD CONSTRAINT "residue_limits_origin" CHECK ("residue_limits"."origin" IN ('reference', 'province', 'lab'));--> statement-breakpoint
-- The rows loaded so far are version 1 of their reference rows; later versions and additions take ids from a sequence
-- far above the file's, so the file's ids stay the first version's.
UPDATE "residue_limits" SET "ref_id" = "id" WHERE "origin" = 'reference';--> statement-breakpoint
CREATE SEQUENCE IF NOT EXISTS "residue_limits_id_seq" START WITH 1000000;--> statement-breakpoint
ALTER TABLE "analytes" ADD CONSTRAINT "analytes_origin" CHECK ("origin" IN ('reference', 'province', 'lab'));
