CREATE TABLE "audit_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid,
	"action" text NOT NULL,
	"account_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"login" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"password_hash" text NOT NULL,
	"session_version" integer DEFAULT 0 NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "web_accounts_status_created_idx";--> statement-breakpoint
ALTER TABLE "web_accounts" ADD COLUMN "verified_by" uuid;--> statement-breakpoint
ALTER TABLE "web_accounts" ADD COLUMN "verification_document" text;--> statement-breakpoint
ALTER TABLE "web_accounts" ADD COLUMN "blocked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "web_accounts" ADD COLUMN "blocked_by" uuid;--> statement-breakpoint
ALTER TABLE "web_accounts" ADD COLUMN "blocked_reason" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_staff_id_staff_accounts_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_account_id_web_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."web_accounts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "audit_log_account_idx" ON "audit_log" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_accounts_login_key" ON "staff_accounts" USING btree (lower("login"));--> statement-breakpoint
ALTER TABLE "web_accounts" ADD CONSTRAINT "web_accounts_verified_by_staff_accounts_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "web_accounts" ADD CONSTRAINT "web_accounts_blocked_by_staff_accounts_id_fk" FOREIGN KEY ("blocked_by") REFERENCES "public"."staff_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patients_last_name_prefix_idx" ON "patients" USING btree ("last_name_key" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "web_accounts_login_prefix_idx" ON "web_accounts" USING btree (lower("login") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "web_accounts_email_prefix_idx" ON "web_accounts" USING btree (lower("email") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "web_accounts_status_created_idx" ON "web_accounts" USING btree ("status","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);