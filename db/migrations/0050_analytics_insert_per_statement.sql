-- Analytics' deltas of an INSERT are appended once per statement, from its transition table, summed per (measure,
-- dim, region, day): a bulk insert (the exchange's thousands of subjects, batches and trades in one statement) paid a
-- row trigger and a delta row per row — a third of the time the exchange spent writing. The facts are the same
-- functions' (0041), so a recount from the views still equals the sum of the deltas. Deletes and updates stay row
-- triggers: they come one row at a time, and an update's WHEN keeps the many that change nothing counted free.
DROP TRIGGER subjects_analytics_write ON subjects;
--> statement-breakpoint
CREATE TRIGGER subjects_analytics_delete AFTER DELETE ON subjects FOR EACH ROW EXECUTE FUNCTION subjects_analytics();
--> statement-breakpoint
CREATE FUNCTION subjects_analytics_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty)
  SELECT f.measure, f.dim, f.region_code, f.day, sum(f.n), sum(f.qty) FROM new_rows r, LATERAL registry_subject_facts(r::subjects) f GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER subjects_analytics_insert AFTER INSERT ON subjects REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION subjects_analytics_inserted();
--> statement-breakpoint
DROP TRIGGER batches_analytics_write ON batches;
--> statement-breakpoint
CREATE TRIGGER batches_analytics_delete AFTER DELETE ON batches FOR EACH ROW EXECUTE FUNCTION batches_analytics();
--> statement-breakpoint
CREATE FUNCTION batches_analytics_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty)
  SELECT f.measure, f.dim, f.region_code, f.day, sum(f.n), sum(f.qty) FROM new_rows r, LATERAL trace_batch_facts(r::batches) f GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER batches_analytics_insert AFTER INSERT ON batches REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION batches_analytics_inserted();
--> statement-breakpoint
DROP TRIGGER trades_analytics_write ON trades;
--> statement-breakpoint
CREATE TRIGGER trades_analytics_delete AFTER DELETE ON trades FOR EACH ROW EXECUTE FUNCTION trades_analytics();
--> statement-breakpoint
CREATE FUNCTION trades_analytics_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analytics_deltas (measure, dim, region_code, day, n, qty)
  SELECT f.measure, f.dim, f.region_code, f.day, sum(f.n), sum(f.qty) FROM new_rows r, LATERAL trace_trade_facts(r::trades) f GROUP BY 1, 2, 3, 4;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER trades_analytics_insert AFTER INSERT ON trades REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION trades_analytics_inserted();
