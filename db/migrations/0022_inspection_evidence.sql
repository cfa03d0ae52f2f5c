ALTER TABLE "inspections" ADD COLUMN "no_photo_reason" varchar(200);--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "no_point_reason" varchar(200);--> statement-breakpoint
-- Every inspection filed from now on carries a photo or the reason it has none, and the GPS point or the reason
-- (issue 15 §2); rows filed before stay as they were (NOT VALID checks only new and changed rows).
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_photo_or_reason" CHECK (jsonb_array_length("photos") > 0 OR "no_photo_reason" IS NOT NULL) NOT VALID;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_point_or_reason" CHECK ("lat" IS NOT NULL OR "no_point_reason" IS NOT NULL) NOT VALID;
