CREATE TABLE "code_lookups" (
	"code" varchar(20) PRIMARY KEY NOT NULL,
	"count" bigint NOT NULL,
	"first_at" timestamp with time zone NOT NULL,
	"last_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "batches" ADD COLUMN "certified_at" timestamp with time zone;