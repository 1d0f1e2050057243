ALTER TABLE "web_accounts" ADD COLUMN "session_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "web_accounts" ADD COLUMN "password_changed_at" timestamp with time zone;