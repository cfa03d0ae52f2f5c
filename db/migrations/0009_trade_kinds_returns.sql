CREATE TABLE "trade_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"trade_id" uuid NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"reason" varchar(300) NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "batches" ALTER COLUMN "subject_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "trades" ALTER COLUMN "buyer_subject_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "batches" ADD COLUMN "holder" jsonb;--> statement-breakpoint
ALTER TABLE "trades" ADD COLUMN "kind" varchar(16) DEFAULT 'scan' NOT NULL;--> statement-breakpoint
ALTER TABLE "trades" ADD COLUMN "counterparty" jsonb;--> statement-breakpoint
ALTER TABLE "trades" ADD COLUMN "returned" numeric(14, 3) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "trade_returns" ADD CONSTRAINT "trade_returns_trade_id_trades_id_fk" FOREIGN KEY ("trade_id") REFERENCES "public"."trades"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "trade_returns_trade" ON "trade_returns" USING btree ("trade_id");--> statement-breakpoint
CREATE UNIQUE INDEX "trades_buyer_batch" ON "trades" USING btree ("buyer_batch_id");--> statement-breakpoint
ALTER TABLE "batches" ADD CONSTRAINT "batches_holder" CHECK ("batches"."subject_id" IS NOT NULL OR "batches"."holder" IS NOT NULL);--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_returned" CHECK ("trades"."returned" >= 0 AND "trades"."returned" <= "trades"."quantity");--> statement-breakpoint
ALTER TABLE "trades" ADD CONSTRAINT "trades_buyer" CHECK ("trades"."buyer_subject_id" IS NOT NULL OR "trades"."counterparty" IS NOT NULL);