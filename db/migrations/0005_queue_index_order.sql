DROP INDEX "patients_identity_idx";--> statement-breakpoint
DROP INDEX "web_accounts_waiting_idx";--> statement-breakpoint
DROP INDEX "web_accounts_created_idx";--> statement-breakpoint
DROP INDEX "web_accounts_status_created_idx";--> statement-breakpoint
CREATE INDEX "patients_identity_idx" ON "patients" USING btree ("last_name_key" text_pattern_ops,"first_name_key" text_pattern_ops,"birth_date");--> statement-breakpoint
CREATE INDEX "web_accounts_waiting_idx" ON "web_accounts" USING btree ("created_at","id") WHERE status in ('pending_activation', 'active');--> statement-breakpoint
CREATE INDEX "web_accounts_created_idx" ON "web_accounts" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "web_accounts_status_created_idx" ON "web_accounts" USING btree ("status","created_at","id");