CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"no" bigserial NOT NULL,
	"filed_by" uuid NOT NULL,
	"filer_name" varchar(100) NOT NULL,
	"filer_agency_id" uuid,
	"filer_subject_id" uuid,
	"filer_org" varchar(200) NOT NULL,
	"filer_region" varchar(12) NOT NULL,
	"kind" varchar(12) NOT NULL,
	"text" text NOT NULL,
	"page_address" varchar(500),
	"screenshots" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"state" varchar(12) DEFAULT 'filed' NOT NULL,
	"proposal" text,
	"classified_by" uuid,
	"resolution" text,
	"satisfaction" varchar(12),
	"revisit_note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_no_unique" UNIQUE("no"),
	CONSTRAINT "feedback_kind" CHECK ("feedback"."kind" IN ('feature', 'operation', 'experience', 'network')),
	CONSTRAINT "feedback_state_known" CHECK ("feedback"."state" IN ('filed', 'classified', 'confirmed', 'fixed', 'declined', 'revisited')),
	CONSTRAINT "feedback_screenshots_max" CHECK (cardinality("feedback"."screenshots") <= 3)
);
--> statement-breakpoint
CREATE TABLE "feedback_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feedback_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_name" varchar(100) NOT NULL,
	"from_state" varchar(12),
	"to_state" varchar(12) NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "feedback_events" ADD CONSTRAINT "feedback_events_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_filer" ON "feedback" USING btree ("filed_by","created_at");--> statement-breakpoint
CREATE INDEX "feedback_created" ON "feedback" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "feedback_state" ON "feedback" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "feedback_events_of" ON "feedback_events" USING btree ("feedback_id","at");