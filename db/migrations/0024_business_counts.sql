-- The business figures /metrics reports (issue 14 §2), read at scrape time in one statement through this view, so
-- that no domain service carries metric code. Each count is over a table's primary key or a small index.
CREATE VIEW ops_business_counts AS
SELECT
  (SELECT count(*) FROM subject_applications) AS registrations,
  (SELECT count(*) FROM subjects WHERE status <> 'temporary') AS subjects,
  (SELECT count(*) FROM batches) AS batches,
  (SELECT count(*) FROM trades) AS trades,
  (SELECT count(*) FROM samples) AS samples,
  (SELECT count(*) FROM samples WHERE verdict = 'fail') AS failed_samples,
  (SELECT count(*) FROM monitoring_alerts) AS alerts;
