ALTER TABLE "residue_limits" ADD COLUMN "species_zh" varchar(40);--> statement-breakpoint
ALTER TABLE "residue_limits" ADD COLUMN "tissue_zh" varchar(20);--> statement-breakpoint
ALTER TABLE "batches" ADD COLUMN "animal" jsonb;