CREATE TABLE "code_counters" (
	"type" smallint NOT NULL,
	"county" varchar(6) NOT NULL,
	"next" bigint NOT NULL,
	CONSTRAINT "code_counters_type_county_pk" PRIMARY KEY("type","county")
);
--> statement-breakpoint
CREATE TABLE "trace_codes" (
	"code" varchar(20) PRIMARY KEY NOT NULL,
	"type" smallint NOT NULL,
	"county" varchar(6) NOT NULL,
	"province" varchar(2) NOT NULL,
	"counter" bigint NOT NULL,
	"subject_id" uuid,
	"batch_id" uuid,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "trace_codes_batch" ON "trace_codes" USING btree ("batch_id");