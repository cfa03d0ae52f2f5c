-- 消费查询's read model: each batch's public chain — the batch and every batch it came from, nearest first, with
-- the facts that never change once written (codes, sources, quantities, dates, product and class, base township,
-- holders stripped of phone and street address). A look-up reads one row by code and adds only what can change
-- (statuses, subjects, certificates, the pledge, counts). Written by triggers in the statement that writes a batch
-- or its incoming edges, so every write path (and the one-statement trade confirmation) keeps it without a step of
-- its own. Edges only ever lead into a batch written in the same transaction, so a chain never changes afterwards.
CREATE TABLE "public_chains" (
	"code" varchar(20) PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	-- json, not jsonb: it is read whole and sent on as its text, never searched.
	"chain" json NOT NULL,
	-- What a look-up reads live: the chain's batches (statuses that warn, the pledge) and its registered holders
	-- (suspended or not; their names and certificates through the registry).
	"batch_ids" uuid[] NOT NULL,
	"subject_ids" uuid[] NOT NULL
);
--> statement-breakpoint
-- Suspended subjects are few: this index holds only them, so checking a chain's holders costs a probe of a page or
-- two instead of each holder's row.
CREATE INDEX "subjects_suspended" ON "subjects" USING btree ("id") WHERE "status" = 'suspended';
--> statement-breakpoint
-- The chains of some batches (any number: one in a trade, all of them in a backfill). A batch with one source (a
-- trade, a market entry, a split part) whose source's chain is stored is that chain one hop further; any other
-- (a production batch, a merge, a processing output) is walked from the graph. 20 hops and 60 batches at most, as
-- the page shows; each batch once, at its nearest depth. PL/pgSQL with a generic, index-driven plan: the statement
-- is planned once a session (a SQL function, or the custom plans PostgreSQL keeps choosing for an array of one,
-- would plan it again in every write at twice the cost of running it), and a plan made while the tables are small
-- must not scan them whole once they are not.
CREATE FUNCTION refresh_public_chains(roots uuid[]) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
BEGIN
  WITH RECURSIVE sources AS (
    SELECT r.id AS root, count(e.from_batch_id) AS n, min(e.from_batch_id::text)::uuid AS src
    FROM unnest(roots) AS r(id) LEFT JOIN batch_edges e ON e.to_batch_id = r.id GROUP BY r.id
  ),
  extended AS (
    SELECT s.root, pc.chain FROM sources s JOIN batches sb ON sb.id = s.src JOIN public_chains pc ON pc.code = sb.code WHERE s.n = 1
  ),
  up(root, id, depth) AS (
    SELECT s.root, s.root, 0 FROM sources s WHERE NOT EXISTS (SELECT 1 FROM extended x WHERE x.root = s.root)
    UNION
    SELECT up.root, e.from_batch_id, up.depth + 1 FROM up JOIN batch_edges e ON e.to_batch_id = up.id WHERE up.depth < 20
  ),
  nodes AS (
    SELECT root, id, min(depth) AS depth FROM up GROUP BY root, id
    UNION ALL
    SELECT x.root, x.root, 0 FROM extended x
    UNION ALL
    SELECT x.root, (h->>'id')::uuid, (h->>'depth')::int + 1 FROM extended x CROSS JOIN json_array_elements(x.chain) h WHERE (h->>'depth')::int < 20
  ),
  kept AS (SELECT * FROM (SELECT n.*, row_number() OVER (PARTITION BY root ORDER BY depth, id) AS k FROM nodes n) r WHERE k <= 60)
  INSERT INTO public_chains (code, batch_id, chain, batch_ids, subject_ids)
  SELECT r.code, r.id,
         json_agg(json_build_object(
           'id', b.id, 'code', b.code, 'depth', k.depth, 'source', b.source, 'quantity', b.quantity, 'unit', b.unit,
           'harvest_date', b.harvest_date, 'created_at', b.created_at, 'self_check', b.self_check, 'region_code', b.region_code,
           'subject_id', b.subject_id, 'holder', b.holder - 'phone' - 'address',
           'product_name', p.name, 'spec', p.spec, 'brand', p.brand, 'gtin', p.gtin, 'class_code', p.class_code,
           'class_zh', pc.name_zh, 'class_en', pc.name_en,
           'base_name', pb.name, 'base_region', pb.region_code, 'base_township', (SELECT rg.name FROM regions rg WHERE rg.code = pb.region_code)
         ) ORDER BY k.depth, b.created_at),
         array_agg(b.id),
         coalesce(array_agg(DISTINCT b.subject_id) FILTER (WHERE b.subject_id IS NOT NULL), '{}')
  FROM kept k
  JOIN batches r ON r.id = k.root
  JOIN batches b ON b.id = k.id
  JOIN products p ON p.id = b.product_id
  JOIN product_classes pc ON pc.code = p.class_code
  LEFT JOIN production_bases pb ON pb.id = b.base_id
  GROUP BY r.code, r.id
  ON CONFLICT (code) DO UPDATE SET chain = EXCLUDED.chain, batch_ids = EXCLUDED.batch_ids, subject_ids = EXCLUDED.subject_ids;
END;
$$;
--> statement-breakpoint
-- A new batch with no incoming edge yet (a production batch, or one whose edges a later statement writes).
CREATE FUNCTION batches_public_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE ids uuid[] := ARRAY(SELECT n.id FROM new_batches n WHERE NOT EXISTS (SELECT 1 FROM batch_edges e WHERE e.to_batch_id = n.id));
BEGIN
  IF cardinality(ids) > 0 THEN PERFORM refresh_public_chains(ids); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER batches_public_chain AFTER INSERT ON batches REFERENCING NEW TABLE AS new_batches FOR EACH STATEMENT EXECUTE FUNCTION batches_public_chain();
--> statement-breakpoint
-- Batches that got sources: their chains now reach back through them.
CREATE FUNCTION batch_edges_public_chain() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_public_chains(ARRAY(SELECT DISTINCT n.to_batch_id FROM new_edges n));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER batch_edges_public_chain AFTER INSERT ON batch_edges REFERENCING NEW TABLE AS new_edges FOR EACH STATEMENT EXECUTE FUNCTION batch_edges_public_chain();
--> statement-breakpoint
SELECT refresh_public_chains(ARRAY(SELECT id FROM batches));
