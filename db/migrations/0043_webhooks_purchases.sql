CREATE TABLE "partner_purchases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"purchase_ref" varchar(64) NOT NULL,
	"code" varchar(20) NOT NULL,
	"batch_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"quantity" numeric(14, 3) NOT NULL,
	"unit" varchar(16) NOT NULL,
	"stall" varchar(60),
	"purchased_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"cursor" varchar(60) NOT NULL,
	"event_type" varchar(80) NOT NULL,
	"body" jsonb NOT NULL,
	"status" varchar(10) DEFAULT 'pending' NOT NULL,
	"replay" smallint DEFAULT 0 NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" smallint,
	"last_error" varchar(300),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	CONSTRAINT "webhook_deliveries_status" CHECK ("webhook_deliveries"."status" IN ('pending', 'delivered', 'failed', 'held'))
);
--> statement-breakpoint
CREATE TABLE "webhook_endpoints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"url" varchar(500) NOT NULL,
	"kinds" text[] NOT NULL,
	"start_tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"status" varchar(10) DEFAULT 'active' NOT NULL,
	"failures_in_row" integer DEFAULT 0 NOT NULL,
	"paused_at" timestamp with time zone,
	"resume_cursor" varchar(60),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_endpoints_status" CHECK ("webhook_endpoints"."status" IN ('active', 'paused', 'removed'))
);
--> statement-breakpoint
ALTER TABLE "partner_purchases" ADD CONSTRAINT "partner_purchases_client_id_integration_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."integration_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_endpoint_id_webhook_endpoints_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "public"."webhook_endpoints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD CONSTRAINT "webhook_endpoints_client_id_integration_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."integration_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_purchases_batch" ON "partner_purchases" USING btree ("batch_id");--> statement-breakpoint
CREATE INDEX "partner_purchases_client" ON "partner_purchases" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "partner_purchases_ref" ON "partner_purchases" USING btree ("client_id","purchase_ref");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_endpoint" ON "webhook_deliveries" USING btree ("endpoint_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_client" ON "webhook_deliveries" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "webhook_endpoints_client" ON "webhook_endpoints" USING btree ("client_id");--> statement-breakpoint
-- The change feed's events (issue 17 §3): every insert and every real update of the nine kinds writes its outbox row
-- in the same transaction, by statement triggers over transition tables (one INSERT per statement, however many
-- rows: a bulk import pays one statement, not one per row). No command can forget its event, and an import of
-- another branch's domain writes its events without knowing of the feed. The payload lists only the columns named
-- by the trigger (ids, codes, states, never a name, phone or identity number) and the region code.
-- Arguments: 0 the kind (an SQL expression over the row n), 1 its region code (SQL over n), 2 the columns the
-- payload carries, 3 columns whose change alone is no event on update (stock moving with each sale, a read mark).
CREATE FUNCTION outbox_row_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- The payload as jsonb_build_object('id', n.id, 'code', n.code, ...): the named columns only, each read once.
  payload text := (SELECT string_agg(format('%L, n.%I', c, c), ', ') FROM unnest(string_to_array(TG_ARGV[2], ',')) c);
  quiet text[] := string_to_array(coalesce(TG_ARGV[3], ''), ',');
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format(
      'INSERT INTO outbox_events (type, aggregate_type, aggregate_id, region_code, payload)
       SELECT k || ''.created'', k, n.id::text, %2$s, jsonb_build_object(%3$s)
       FROM (SELECT n.*, %1$s AS k FROM new_rows n) n', TG_ARGV[0], TG_ARGV[1], payload);
  ELSE
    EXECUTE format(
      'INSERT INTO outbox_events (type, aggregate_type, aggregate_id, region_code, payload)
       SELECT k || ''.updated'', k, n.id::text, %2$s, jsonb_build_object(%3$s)
       FROM (SELECT n.*, %1$s AS k FROM new_rows n) n JOIN old_rows o ON o.id = n.id
       WHERE (to_jsonb(n) - $1 - ''k'') IS DISTINCT FROM (to_jsonb(o) - $1)', TG_ARGV[0], TG_ARGV[1], payload) USING quiet;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER subjects_outbox_insert AFTER INSERT ON subjects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''subject''', 'n.region_code', 'id,status,category,org_form,industries,registered_at');
--> statement-breakpoint
CREATE TRIGGER subjects_outbox_update AFTER UPDATE ON subjects REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''subject''', 'n.region_code', 'id,status,category,org_form,industries,registered_at', 'updated_at,e_token,e_token_issued_at');
--> statement-breakpoint
CREATE TRIGGER subject_certificates_outbox_insert AFTER INSERT ON subject_certificates REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''certificate''', '(SELECT s.region_code FROM subjects s WHERE s.id = n.subject_id)', 'id,subject_id,kind,number,status,valid_from,valid_to');
--> statement-breakpoint
CREATE TRIGGER subject_certificates_outbox_update AFTER UPDATE ON subject_certificates REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''certificate''', '(SELECT s.region_code FROM subjects s WHERE s.id = n.subject_id)', 'id,subject_id,kind,number,status,valid_from,valid_to', '');
--> statement-breakpoint
CREATE TRIGGER batches_outbox_insert AFTER INSERT ON batches REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''batch''', 'n.region_code', 'id,code,subject_id,product_id,source,quantity,unit,status,harvest_date');
--> statement-breakpoint
CREATE TRIGGER batches_outbox_update AFTER UPDATE ON batches REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''batch''', 'n.region_code', 'id,code,subject_id,product_id,source,quantity,unit,status,harvest_date', 'stock,frozen,tested_at,certified_at');
--> statement-breakpoint
CREATE TRIGGER trades_outbox_insert AFTER INSERT ON trades REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('CASE WHEN n.kind = ''market'' THEN ''market_entry'' ELSE ''trade'' END', '(SELECT b.region_code FROM batches b WHERE b.id = n.batch_id)', 'id,kind,status,batch_id,seller_subject_id,buyer_subject_id,buyer_batch_id,quantity,unit,returned');
--> statement-breakpoint
CREATE TRIGGER trades_outbox_update AFTER UPDATE ON trades REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('CASE WHEN n.kind = ''market'' THEN ''market_entry'' ELSE ''trade'' END', '(SELECT b.region_code FROM batches b WHERE b.id = n.batch_id)', 'id,kind,status,batch_id,seller_subject_id,buyer_subject_id,buyer_batch_id,quantity,unit,returned', '');
--> statement-breakpoint
CREATE TRIGGER inspections_outbox_insert AFTER INSERT ON inspections REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''inspection''', 'n.region_code', 'id,subject_id,industry,conclusion,rectification,rectify_by,inspected_at');
--> statement-breakpoint
CREATE TRIGGER inspections_outbox_update AFTER UPDATE ON inspections REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''inspection''', 'n.region_code', 'id,subject_id,industry,conclusion,rectification,rectify_by,inspected_at', '');
--> statement-breakpoint
CREATE TRIGGER samples_outbox_insert AFTER INSERT ON samples REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''sample''', 'n.region_code', 'id,sample_no,code,batch_id,subject_id,class_code,status,verdict,sampled_at,judged_at');
--> statement-breakpoint
CREATE TRIGGER samples_outbox_update AFTER UPDATE ON samples REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''sample''', 'n.region_code', 'id,sample_no,code,batch_id,subject_id,class_code,status,verdict,sampled_at,judged_at', '');
--> statement-breakpoint
CREATE TRIGGER monitoring_alerts_outbox_insert AFTER INSERT ON monitoring_alerts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''alert''', 'n.agency_region', 'id,sample_id,report_version,batch_id,subject_id,recall_total,case_id,created_at');
--> statement-breakpoint
CREATE TRIGGER monitoring_alerts_outbox_update AFTER UPDATE ON monitoring_alerts REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''alert''', 'n.agency_region', 'id,sample_id,report_version,batch_id,subject_id,recall_total,case_id,created_at', 'read_at,read_by');
--> statement-breakpoint
CREATE TRIGGER enforcement_cases_outbox_insert AFTER INSERT ON enforcement_cases REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''case''', 'n.region_code', 'id,case_no,subject_id,source,stage,penalty_kind,closed_at');
--> statement-breakpoint
CREATE TRIGGER enforcement_cases_outbox_update AFTER UPDATE ON enforcement_cases REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
  EXECUTE FUNCTION outbox_row_changes('''case''', 'n.region_code', 'id,case_no,subject_id,source,stage,penalty_kind,closed_at', 'updated_at');
