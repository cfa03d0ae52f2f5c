DROP INDEX "agencies_one_supervision";--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "department" varchar(16) DEFAULT 'agriculture' NOT NULL;--> statement-breakpoint
ALTER TABLE "agencies" ADD COLUMN "industries" text[];--> statement-breakpoint
ALTER TABLE "subject_applications" ADD COLUMN "department" varchar(16) DEFAULT 'agriculture' NOT NULL;--> statement-breakpoint
ALTER TABLE "subject_applications" ADD COLUMN "legal_rep_id_enc" varchar(200);--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "department" varchar(16) DEFAULT 'agriculture' NOT NULL;--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "legal_rep_id_enc" varchar(200);--> statement-breakpoint
ALTER TABLE "subjects" ADD COLUMN "legal_rep_id_shown" varchar(18);--> statement-breakpoint
CREATE UNIQUE INDEX "agencies_one_supervision" ON "agencies" USING btree ("level","region_code","department") WHERE kind = 'supervision';