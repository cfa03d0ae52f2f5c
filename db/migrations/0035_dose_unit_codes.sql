-- Dose units become codes (src/domains/trace/dose-units.shared.ts) that the console says in words (千克/亩, kg/mu).
-- The console offered these ten as typed text; a unit typed otherwise stays as it was and is shown as typed.
UPDATE "batch_inputs" SET "dose_unit" = CASE lower(btrim("dose_unit"))
  WHEN 'kg/亩' THEN 'kg_per_mu'
  WHEN 'g/亩' THEN 'g_per_mu'
  WHEN 'ml/亩' THEN 'ml_per_mu'
  WHEN 'l/亩' THEN 'l_per_mu'
  WHEN 'kg' THEN 'kg'
  WHEN 'g' THEN 'g'
  WHEN 'ml' THEN 'ml'
  WHEN 'l' THEN 'l'
  WHEN 'kg/头' THEN 'kg_per_head'
  WHEN 'ml/头' THEN 'ml_per_head'
  ELSE "dose_unit"
END;
