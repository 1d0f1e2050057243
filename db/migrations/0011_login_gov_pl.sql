CREATE TABLE "wk_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"identity" jsonb,
	"handle_hash" text,
	"handle_used_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "web_accounts" ADD COLUMN "verification_method" text;--> statement-breakpoint
ALTER TABLE "web_accounts" ADD COLUMN "verification_loa" text;--> statement-breakpoint
ALTER TABLE "web_accounts" ADD COLUMN "verification_means" text;--> statement-breakpoint
ALTER TABLE "wk_requests" ADD CONSTRAINT "wk_requests_account_id_web_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."web_accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wk_requests_expires_idx" ON "wk_requests" USING btree ("expires_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wk_requests_handle_key" ON "wk_requests" USING btree ("handle_hash");--> statement-breakpoint
-- Every account verified so far was verified at the desk.
UPDATE "web_accounts" SET "verification_method" = 'desk' WHERE "verified_at" IS NOT NULL;
