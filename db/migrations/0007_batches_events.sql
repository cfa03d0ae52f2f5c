CREATE TABLE "batch_inputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"name" varchar(100) NOT NULL,
	"dose" numeric(12, 3) NOT NULL,
	"dose_unit" varchar(16) NOT NULL,
	"applied_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" varchar(20) NOT NULL,
	"subject_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"product_id" uuid NOT NULL,
	"base_id" uuid,
	"source" varchar(16) NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit" varchar(16) NOT NULL,
	"stock" numeric(14, 3) NOT NULL,
	"frozen" numeric(14, 3) DEFAULT 0 NOT NULL,
	"harvest_date" date,
	"self_check" varchar(16) NOT NULL,
	"self_check_note" varchar(300),
	"status" varchar(16) DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL,
	CONSTRAINT "batches_conservation" CHECK ("batches"."stock" >= 0 AND "batches"."frozen" >= 0 AND "batches"."frozen" <= "batches"."stock" AND "batches"."stock" <= "batches"."quantity")
);
--> statement-breakpoint
CREATE TABLE "trace_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "trace_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"event_type" varchar(24) NOT NULL,
	"action" varchar(8) NOT NULL,
	"biz_step" varchar(40) NOT NULL,
	"disposition" varchar(40),
	"codes" varchar(20)[] NOT NULL,
	"subject_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"detail" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "batch_inputs" ADD CONSTRAINT "batch_inputs_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_base_id_production_bases_id_fk" FOREIGN KEY ("base_id") REFERENCES "public"."production_bases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_inputs_batch" ON "batch_inputs" USING btree ("batch_id");--> statement-breakpoint
CREATE UNIQUE INDEX "batches_code" ON "batches" USING btree ("code");--> statement-breakpoint
CREATE INDEX "batches_subject" ON "batches" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE INDEX "trace_events_subject" ON "trace_events" USING btree ("subject_id","at");--> statement-breakpoint
-- Trace events are immutable: what happened is corrected by a new event, never by changing an old one.
CREATE FUNCTION trace_events_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'trace_events is append-only';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER trace_events_append_only BEFORE UPDATE OR DELETE ON trace_events
  FOR EACH ROW EXECUTE FUNCTION trace_events_refuse_change();
