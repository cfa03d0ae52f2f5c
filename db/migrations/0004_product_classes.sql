CREATE TABLE "product_classes" (
	"code" varchar(12) PRIMARY KEY NOT NULL,
	"parent_code" varchar(12),
	"level" smallint NOT NULL,
	"name_zh" varchar(60) NOT NULL,
	"name_en" varchar(120) NOT NULL,
	"gb2763_category" varchar(300) NOT NULL,
	"source_url" varchar(300) NOT NULL
);
--> statement-breakpoint
CREATE INDEX "product_classes_parent" ON "product_classes" USING btree ("parent_code");