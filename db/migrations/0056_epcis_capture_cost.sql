ALTER TABLE "epcis_events" RENAME COLUMN "event_ids" TO "other_event_ids";--> statement-breakpoint
ALTER TABLE "epcis_events" ALTER COLUMN "other_event_ids" SET DEFAULT '{}'::text[];--> statement-breakpoint
-- The column held every eventID, event_id first; it keeps the others only (event_id has its own index now).
UPDATE "epcis_events" SET "other_event_ids" = array_remove("other_event_ids", "event_id") WHERE "other_event_ids" @> ARRAY["event_id"];--> statement-breakpoint
DROP INDEX "epcis_events_event_ids";--> statement-breakpoint
DROP INDEX "epcis_events_any_epcs";--> statement-breakpoint
DROP INDEX "epcis_events_any_epc_classes";--> statement-breakpoint
DROP INDEX "epcis_events_source_key";--> statement-breakpoint
CREATE INDEX "epcis_events_event_id" ON "epcis_events" USING hash ("event_id");--> statement-breakpoint
CREATE INDEX "epcis_events_other_event_ids" ON "epcis_events" USING gin ("other_event_ids") WHERE "epcis_events"."other_event_ids" <> '{}'::text[];--> statement-breakpoint
CREATE INDEX "epcis_events_any_epcs" ON "epcis_events" USING gin ("any_epcs") WITH (fastupdate=false) WHERE "epcis_events"."any_epcs" <> '{}'::text[];--> statement-breakpoint
CREATE INDEX "epcis_events_any_epc_classes" ON "epcis_events" USING gin ("any_epc_classes") WITH (fastupdate=false) WHERE "epcis_events"."any_epc_classes" <> '{}'::text[];--> statement-breakpoint
CREATE UNIQUE INDEX "epcis_events_source_key" ON "epcis_events" USING btree ("source_key") WHERE "epcis_events"."source_key" IS NOT NULL;
