CREATE TABLE "announcement_dismissals" (
	"announcement_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "announcement_dismissals_announcement_id_user_id_pk" PRIMARY KEY("announcement_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" varchar(10) NOT NULL,
	"text_zh" varchar(500) NOT NULL,
	"text_en" varchar(500),
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"state" varchar(10) DEFAULT 'published' NOT NULL,
	"published_by" uuid NOT NULL,
	"publisher_name" varchar(100) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	CONSTRAINT "announcements_level" CHECK ("announcements"."level" IN ('info', 'warning', 'critical')),
	CONSTRAINT "announcements_state" CHECK ("announcements"."state" IN ('published', 'withdrawn')),
	CONSTRAINT "announcements_period" CHECK ("announcements"."ends_at" > "announcements"."starts_at")
);
--> statement-breakpoint
CREATE TABLE "producer_notice_recipients" (
	"notice_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"subject_name" varchar(100) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"read_at" timestamp with time zone,
	"read_by" uuid,
	"reader_name" varchar(100),
	CONSTRAINT "producer_notice_recipients_notice_id_subject_id_pk" PRIMARY KEY("notice_id","subject_id")
);
--> statement-breakpoint
CREATE TABLE "producer_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"no" bigserial NOT NULL,
	"sender_agency_id" uuid NOT NULL,
	"sender_agency_name" varchar(100) NOT NULL,
	"sender_region" varchar(12) NOT NULL,
	"sent_by" uuid NOT NULL,
	"sender_name" varchar(100) NOT NULL,
	"title" varchar(100) NOT NULL,
	"body" text NOT NULL,
	"attachments" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"audience" jsonb NOT NULL,
	"recipient_count" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "producer_notices_no_unique" UNIQUE("no")
);
--> statement-breakpoint
ALTER TABLE "announcement_dismissals" ADD CONSTRAINT "announcement_dismissals_announcement_id_announcements_id_fk" FOREIGN KEY ("announcement_id") REFERENCES "public"."announcements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "producer_notice_recipients" ADD CONSTRAINT "producer_notice_recipients_notice_id_producer_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."producer_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "announcements_showing" ON "announcements" USING btree ("state","ends_at");--> statement-breakpoint
CREATE INDEX "announcements_created" ON "announcements" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "producer_notice_recipients_inbox" ON "producer_notice_recipients" USING btree ("subject_id");--> statement-breakpoint
CREATE INDEX "producer_notice_recipients_unread" ON "producer_notice_recipients" USING btree ("subject_id") WHERE "producer_notice_recipients"."read_at" IS NULL;--> statement-breakpoint
CREATE INDEX "producer_notices_sender" ON "producer_notices" USING btree ("sender_agency_id","sent_at");--> statement-breakpoint
CREATE INDEX "producer_notices_region" ON "producer_notices" USING btree ("sender_region","sent_at");