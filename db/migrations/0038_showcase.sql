ALTER TABLE "products" ADD COLUMN "showcased" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "products_showcased" ON "products" USING btree ("created_at","id") WHERE showcased;--> statement-breakpoint
CREATE VIEW "public"."registry_subject_certificate_kinds" AS (select "subject_id", "kind", "status", "valid_to" from "subject_certificates");