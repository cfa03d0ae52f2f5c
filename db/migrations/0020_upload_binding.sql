DROP INDEX "subject_applications_open_id";--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "owner" varchar(80);--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "encrypted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "files_purpose_created" ON "files" USING btree ("purpose","created_at");--> statement-breakpoint
CREATE INDEX "subject_applications_open_id" ON "subject_applications" USING btree ("id_hash") WHERE status IN ('pending', 'returned');