CREATE TABLE "trace_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"target_type" varchar(16) NOT NULL,
	"target_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" varchar(8) NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" varchar(300) NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_name" varchar(100) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "batches" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "batches" ADD COLUMN "void_reason" varchar(300);--> statement-breakpoint
ALTER TABLE "production_bases" ADD COLUMN "status" varchar(16) DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "production_bases" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "production_bases" ADD COLUMN "void_reason" varchar(300);--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "status" varchar(16) DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "voided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "products" ADD COLUMN "void_reason" varchar(300);--> statement-breakpoint
CREATE INDEX "trace_corrections_target" ON "trace_corrections" USING btree ("target_type","target_id","at");--> statement-breakpoint
-- 修改记录 keeps the earlier values of a correction: once written, a record of one is never changed nor removed.
CREATE FUNCTION trace_corrections_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'trace_corrections is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER trace_corrections_append_only BEFORE UPDATE OR DELETE ON trace_corrections
  FOR EACH ROW EXECUTE FUNCTION trace_corrections_refuse_change();
