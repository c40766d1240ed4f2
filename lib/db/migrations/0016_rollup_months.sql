-- Rollup rows gain a span (a day or hour, or a whole month). They are all derived from the ledger, so they are emptied
-- here and rebuilt, months included, when the desk starts (lib/ledger/rebuild-rollups.ts).
TRUNCATE TABLE "otp_request_rollups", "otp_latency_rollups", "otp_rejection_rollups", "otp_flagged_customers", "transfer_rollups";--> statement-breakpoint
ALTER TABLE "otp_rejection_rollups" DROP CONSTRAINT "otp_rejection_rollups_key";--> statement-breakpoint
ALTER TABLE "otp_flagged_customers" DROP CONSTRAINT "otp_flagged_customers_agent_day_customer_mobile_hash_pk";--> statement-breakpoint
ALTER TABLE "otp_latency_rollups" DROP CONSTRAINT "otp_latency_rollups_agent_day_state_bucket_pk";--> statement-breakpoint
ALTER TABLE "otp_request_rollups" DROP CONSTRAINT "otp_request_rollups_agent_day_state_pk";--> statement-breakpoint
ALTER TABLE "transfer_rollups" DROP CONSTRAINT "transfer_rollups_agent_hour_state_pk";--> statement-breakpoint
ALTER TABLE "otp_flagged_customers" ADD COLUMN "span" text NOT NULL;--> statement-breakpoint
ALTER TABLE "otp_latency_rollups" ADD COLUMN "span" text NOT NULL;--> statement-breakpoint
ALTER TABLE "otp_rejection_rollups" ADD COLUMN "span" text NOT NULL;--> statement-breakpoint
ALTER TABLE "otp_request_rollups" ADD COLUMN "span" text NOT NULL;--> statement-breakpoint
ALTER TABLE "transfer_rollups" ADD COLUMN "span" text NOT NULL;--> statement-breakpoint
ALTER TABLE "otp_flagged_customers" ADD CONSTRAINT "otp_flagged_customers_agent_span_day_customer_mobile_hash_pk" PRIMARY KEY("agent","span","day","customer_mobile_hash");--> statement-breakpoint
ALTER TABLE "otp_latency_rollups" ADD CONSTRAINT "otp_latency_rollups_agent_span_day_state_bucket_pk" PRIMARY KEY("agent","span","day","state","bucket");--> statement-breakpoint
ALTER TABLE "otp_request_rollups" ADD CONSTRAINT "otp_request_rollups_agent_span_day_state_pk" PRIMARY KEY("agent","span","day","state");--> statement-breakpoint
ALTER TABLE "transfer_rollups" ADD CONSTRAINT "transfer_rollups_agent_span_hour_state_pk" PRIMARY KEY("agent","span","hour","state");--> statement-breakpoint
ALTER TABLE "otp_rejection_rollups" ADD CONSTRAINT "otp_rejection_rollups_key" UNIQUE NULLS NOT DISTINCT("agent","span","day","eko_status","message");
