CREATE TABLE "integration_calls" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"key_id" varchar(44) NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"method" varchar(8) NOT NULL,
	"path" varchar(300) NOT NULL,
	"status" smallint NOT NULL,
	"code" varchar(60),
	"request_id" varchar(64)
);
--> statement-breakpoint
CREATE TABLE "integration_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" varchar(100) NOT NULL,
	"kind" varchar(24) NOT NULL,
	"scheme" varchar(16),
	"region_code" varchar(12) NOT NULL,
	"regions" text[] NOT NULL,
	"operations" text[] NOT NULL,
	"contact" varchar(100),
	"status" varchar(10) DEFAULT 'active' NOT NULL,
	"registered_by_agency" uuid NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_clients_kind" CHECK ("integration_clients"."kind" IN ('provincial_platform', 'certification', 'market', 'shop')),
	CONSTRAINT "integration_clients_scheme" CHECK (("integration_clients"."kind" = 'certification') = ("integration_clients"."scheme" IS NOT NULL)),
	CONSTRAINT "integration_clients_status" CHECK ("integration_clients"."status" IN ('active', 'disabled'))
);
--> statement-breakpoint
CREATE TABLE "integration_keys" (
	"id" varchar(44) PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"secret" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "integration_nonces" (
	"key_id" varchar(44) NOT NULL,
	"nonce" varchar(64) NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "integration_nonces_key_id_nonce_pk" PRIMARY KEY("key_id","nonce")
);
--> statement-breakpoint
ALTER TABLE "integration_keys" ADD CONSTRAINT "integration_keys_client_id_integration_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."integration_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integration_calls_client" ON "integration_calls" USING btree ("client_id","id");--> statement-breakpoint
CREATE INDEX "integration_calls_at" ON "integration_calls" USING btree ("at");--> statement-breakpoint
CREATE INDEX "integration_clients_region" ON "integration_clients" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE INDEX "integration_keys_client" ON "integration_keys" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "integration_nonces_expires" ON "integration_nonces" USING btree ("expires_at");