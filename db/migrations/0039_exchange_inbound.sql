CREATE TABLE "exchange_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"document_id" varchar(64) NOT NULL,
	"body_hash" varchar(64) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"state" varchar(10) DEFAULT 'queued' NOT NULL,
	"item_count" integer NOT NULL,
	"applied_count" integer DEFAULT 0 NOT NULL,
	"unchanged_count" integer DEFAULT 0 NOT NULL,
	"counts" jsonb NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"payload_enc" text,
	"job_id" bigint,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "exchange_documents_state" CHECK ("exchange_documents"."state" IN ('queued', 'applied', 'refused'))
);
--> statement-breakpoint
CREATE TABLE "exchange_items" (
	"client_id" uuid NOT NULL,
	"kind" varchar(16) NOT NULL,
	"foreign_id" varchar(64) NOT NULL,
	"local_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"detail" jsonb,
	CONSTRAINT "exchange_items_client_id_kind_foreign_id_pk" PRIMARY KEY("client_id","kind","foreign_id")
);
--> statement-breakpoint
CREATE TABLE "batch_aliases" (
	"alias" varchar(80) PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"kind" varchar(10) NOT NULL,
	"client_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "exchange_documents_client" ON "exchange_documents" USING btree ("client_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "exchange_documents_document" ON "exchange_documents" USING btree ("client_id","document_id");--> statement-breakpoint
CREATE INDEX "exchange_items_local" ON "exchange_items" USING btree ("local_id");--> statement-breakpoint
CREATE INDEX "batch_aliases_batch" ON "batch_aliases" USING btree ("batch_id");