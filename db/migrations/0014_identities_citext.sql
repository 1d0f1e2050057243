-- Logins and emails ignore case in the column type itself (issue 23), not in each query's lower().
-- citext is a trusted extension (PostgreSQL 13+): the database owner may create it. It compares
-- lower() of both sides, the same function as the old indexes, so the rows those kept unique stay
-- unique under the new indexes; the unique indexes keep their names (the code maps them).
CREATE EXTENSION IF NOT EXISTS citext;--> statement-breakpoint
DROP INDEX "staff_accounts_login_key";--> statement-breakpoint
DROP INDEX "web_accounts_login_key";--> statement-breakpoint
DROP INDEX "web_accounts_email_key";--> statement-breakpoint
ALTER TABLE "staff_accounts" ALTER COLUMN "login" SET DATA TYPE citext;--> statement-breakpoint
ALTER TABLE "web_accounts" ALTER COLUMN "login" SET DATA TYPE citext;--> statement-breakpoint
ALTER TABLE "web_accounts" ALTER COLUMN "email" SET DATA TYPE citext;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_accounts_login_key" ON "staff_accounts" USING btree ("login");--> statement-breakpoint
CREATE UNIQUE INDEX "web_accounts_login_key" ON "web_accounts" USING btree ("login");--> statement-breakpoint
CREATE UNIQUE INDEX "web_accounts_email_key" ON "web_accounts" USING btree ("email");
