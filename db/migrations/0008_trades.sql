CREATE TABLE "batch_edges" (
	"from_batch_id" uuid NOT NULL,
	"to_batch_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batch_edges_from_batch_id_to_batch_id_pk" PRIMARY KEY("from_batch_id","to_batch_id")
);
--> statement-breakpoint
CREATE TABLE "trades" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seller_subject_id" uuid NOT NULL,
	"buyer_subject_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit" varchar(16) NOT NULL,
	"carrier" jsonb,
	"storage" varchar(100),
	"quarantine_cert" varchar(60),
	"status" varchar(16) NOT NULL,
	"buyer_batch_id" uuid,
	"reason" varchar(300),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_batch_id_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "batch_edges_to" ON "batch_edges" USING btree ("to_batch_id");--> statement-breakpoint
CREATE INDEX "trades_buyer" ON "trades" USING btree ("buyer_subject_id","status","created_at");--> statement-breakpoint
CREATE INDEX "trades_seller" ON "trades" USING btree ("seller_subject_id","created_at");--> statement-breakpoint
CREATE INDEX "trades_batch" ON "trades" USING btree ("batch_id");