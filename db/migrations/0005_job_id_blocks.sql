CREATE TABLE "job_id_blocks" (
	"block" integer PRIMARY KEY NOT NULL,
	"n" integer DEFAULT 0 NOT NULL
);
