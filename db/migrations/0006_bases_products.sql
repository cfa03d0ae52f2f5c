CREATE TABLE "production_bases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"address" varchar(200) NOT NULL,
	"area" double precision,
	"area_unit" varchar(16),
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_id" uuid NOT NULL,
	"name" varchar(100) NOT NULL,
	"class_code" varchar(12) NOT NULL,
	"spec" varchar(60) NOT NULL,
	"unit" varchar(16) NOT NULL,
	"brand" varchar(60),
	"gtin" varchar(14),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "products" ADD CONSTRAINT "products_class_code_product_classes_code_fk" FOREIGN KEY ("class_code") REFERENCES "public"."product_classes"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "production_bases_subject" ON "production_bases" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "production_bases_name" ON "production_bases" USING btree ("subject_id","name");--> statement-breakpoint
CREATE INDEX "products_subject" ON "products" USING btree ("subject_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "products_name_spec" ON "products" USING btree ("subject_id","name","spec");--> statement-breakpoint
CREATE UNIQUE INDEX "products_gtin" ON "products" USING btree ("gtin");