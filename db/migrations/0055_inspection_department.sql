ALTER TABLE "inspections" ADD COLUMN "department" varchar(16) DEFAULT 'agriculture' NOT NULL;--> statement-breakpoint
-- Inspections filed before take their subject's department (issue 21 §3): the department's bureau reads them.
UPDATE "inspections" i SET "department" = s."department" FROM "subjects" s WHERE s."id" = i."subject_id" AND s."department" <> 'agriculture';
