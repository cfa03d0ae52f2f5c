-- Task and notice attachments: the MIME types of Word and Excel files (docx, xlsx) run to 71 characters.
ALTER TABLE "files" ALTER COLUMN "mime" SET DATA TYPE varchar(100);
