CREATE TABLE "epcis_company_prefixes" (
	"gcp" varchar(12) PRIMARY KEY NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "epcis_events_region";