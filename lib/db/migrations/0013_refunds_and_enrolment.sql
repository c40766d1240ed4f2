CREATE TABLE "refunds" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"client_ref_id" varchar(20) NOT NULL,
	"agent" text NOT NULL,
	"agent_id" text,
	"user_code" text NOT NULL,
	"failure_reason" text,
	"eko_status" integer,
	"eko_response_status_id" integer,
	"eko_response_type_id" integer,
	"eko_message" text,
	"http_status" integer,
	"latency_ms" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (3) with time zone,
	"submission_id" varchar(64) NOT NULL,
	"transfer_id" bigint NOT NULL,
	"customer_mobile_hash" char(64) NOT NULL,
	"customer_mobile_last4" char(4) NOT NULL,
	"amount" integer NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"refund_tid" text,
	"refunded_paise" integer,
	"fee_paise" integer,
	"checks" integer DEFAULT 0 NOT NULL,
	"last_check_at" timestamp (3) with time zone,
	"next_check_at" timestamp (3) with time zone,
	"settled_at" timestamp (3) with time zone,
	CONSTRAINT "refunds_client_ref_id_unique" UNIQUE("client_ref_id"),
	CONSTRAINT "refunds_submission_id_unique" UNIQUE("submission_id"),
	CONSTRAINT "refunds_state_known" CHECK ("refunds"."state" in ('pending', 'unknown', 'not-sent', 'refused', 'not-made', 'refunded'))
);
--> statement-breakpoint
ALTER TABLE "customer_visits" DROP CONSTRAINT "customer_visits_state_known";--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "refund_otp_ref_id" text;--> statement-breakpoint
ALTER TABLE "transfers" ADD COLUMN "refund_otp_sent_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "refunds" ADD CONSTRAINT "refunds_transfer_id_transfers_id_fk" FOREIGN KEY ("transfer_id") REFERENCES "transfers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "refunds_one_live_per_transfer_idx" ON "refunds" USING btree ("transfer_id") WHERE not "refunds"."state" in ('not-sent', 'refused', 'not-made');--> statement-breakpoint
CREATE INDEX "refunds_transfer_idx" ON "refunds" USING btree ("transfer_id","created_at");--> statement-breakpoint
CREATE INDEX "refunds_due_idx" ON "refunds" USING btree ("next_check_at") WHERE "refunds"."next_check_at" is not null;--> statement-breakpoint
CREATE INDEX "refunds_created_idx" ON "refunds" USING btree ("created_at","id");--> statement-breakpoint
-- A visit in the old "kyc-pending" ends: it is looked up again (visits last 30 minutes at most).
UPDATE "customer_visits" SET "state" = 'ended' WHERE "state" = 'kyc-pending';--> statement-breakpoint
ALTER TABLE "customer_visits" ADD CONSTRAINT "customer_visits_state_known" CHECK ("customer_visits"."state" in ('looking-up', 'otp-sent', 'verified', 'not-enrolled', 'aadhaar-required', 'aadhaar-otp-sent', 'pan-required', 'ended'));