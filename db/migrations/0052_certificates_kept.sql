-- 承诺达标合格证开具记录 are kept at least two years (农业农村部令 2025 年第 4 号; certificate.rules.ts cites the text):
-- no row younger than that is deleted, and an issued certificate's terms never change (only its print count does).
CREATE FUNCTION certificates_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.issued_at > now() - interval '2 years' THEN
      RAISE EXCEPTION 'certificate % is kept two years from its issue', OLD.number USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF (NEW.number, NEW.batch_id, NEW.subject_id, NEW.issuer_role, NEW.basis, NEW.tested_items, NEW.sources, NEW.quantity, NEW.unit, NEW.issued_on, NEW.issued_at, NEW.issued_by)
     IS DISTINCT FROM (OLD.number, OLD.batch_id, OLD.subject_id, OLD.issuer_role, OLD.basis, OLD.tested_items, OLD.sources, OLD.quantity, OLD.unit, OLD.issued_on, OLD.issued_at, OLD.issued_by) THEN
    RAISE EXCEPTION 'certificate % is a record: its terms do not change', OLD.number USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER certificates_kept BEFORE UPDATE OR DELETE ON certificates FOR EACH ROW EXECUTE FUNCTION certificates_kept();
--> statement-breakpoint
-- The certificates printed before the register existed were recorded only as trace events: each becomes a register
-- row, numbered in the order printed, its issuer taken as the producer (the platform had no purchaser's certificate).
INSERT INTO certificates (number, batch_id, subject_id, issuer_role, basis, tested_items, sources, quantity, unit, issued_on, issued_at, issued_by, prints, last_printed_at)
SELECT b.code || '-' || lpad((row_number() OVER (PARTITION BY b.id ORDER BY e.at, e.id))::text, 2, '0'),
       b.id, e.subject_id, 'producer', coalesce(e.detail->>'basis', 'self_commitment'), '[]'::jsonb, '[]'::jsonb,
       (e.detail->>'quantity')::numeric, coalesce(e.detail->>'unit', b.unit), (e.at AT TIME ZONE 'Asia/Shanghai')::date, e.at, e.actor_id, 1, e.at
FROM trace_events e JOIN batches b ON b.code = e.codes[1]
WHERE e.detail ? 'certificate' AND (e.detail->>'quantity')::numeric > 0;
