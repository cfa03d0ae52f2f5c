DROP INDEX "epcis_events_capture";--> statement-breakpoint
DROP INDEX "epcis_events_epcs";--> statement-breakpoint
DROP INDEX "epcis_events_epc_classes";--> statement-breakpoint
DROP INDEX "epcis_events_trace_codes";--> statement-breakpoint
CREATE INDEX "epcis_events_trace_codes" ON "epcis_events" USING gin ("trace_codes") WHERE "epcis_events"."trace_codes" <> '{}'::text[];