DROP INDEX "otp_requests_created_idx";--> statement-breakpoint
CREATE INDEX "otp_requests_created_idx" ON "otp_requests" USING btree ("created_at","id","amount");