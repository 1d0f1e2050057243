CREATE TABLE "signin_throttles" (
	"login_key" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_attempt_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "signin_throttles_expires_idx" ON "signin_throttles" USING btree ("expires_at");