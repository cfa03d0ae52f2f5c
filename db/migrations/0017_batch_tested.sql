-- When a sample of the batch was last judged (监测): the public page reads it beside the status and looks for
-- monitoring results only when a batch of the chain has it.
ALTER TABLE "batches" ADD COLUMN "tested_at" timestamp with time zone;
