CREATE TABLE "analytics_deltas" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"measure" varchar(32) NOT NULL,
	"dim" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"day" date NOT NULL,
	"n" bigint NOT NULL,
	"qty" numeric(20, 3) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics_rollups" (
	"grain" varchar(1) NOT NULL,
	"depth" smallint NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"bucket" date NOT NULL,
	"measure" varchar(32) NOT NULL,
	"dim" text NOT NULL,
	"n" bigint NOT NULL,
	"qty" numeric(20, 3) NOT NULL,
	CONSTRAINT "analytics_rollups_grain_depth_region_code_bucket_measure_dim_pk" PRIMARY KEY("grain","depth","region_code","bucket","measure","dim"),
	CONSTRAINT "analytics_rollups_grain" CHECK ("analytics_rollups"."grain" IN ('d', 'm', 'y'))
);
--> statement-breakpoint
CREATE INDEX "analytics_deltas_region" ON "analytics_deltas" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "analytics_rollups_time" ON "analytics_rollups" USING btree ("grain","depth","bucket");