CREATE TABLE "transfers" (
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
	"otp_request_id" bigint NOT NULL,
	"customer_mobile_hash" char(64) NOT NULL,
	"customer_mobile_last4" char(4) NOT NULL,
	"recipient_id" bigint NOT NULL,
	"beneficiary_id" text,
	"amount" integer NOT NULL,
	"channel" integer NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"tx_status" integer,
	"tx_status_text" text,
	"tid" text,
	"bank_ref" text,
	"fee_paise" integer,
	"collectable_paise" integer,
	"recipient_name" text,
	"recipient_bank" text,
	"recipient_account_masked" text,
	"checks" integer DEFAULT 0 NOT NULL,
	"not_found_checks" integer DEFAULT 0 NOT NULL,
	"last_check_at" timestamp (3) with time zone,
	"next_check_at" timestamp (3) with time zone,
	"settled_at" timestamp (3) with time zone,
	CONSTRAINT "transfers_client_ref_id_unique" UNIQUE("client_ref_id"),
	CONSTRAINT "transfers_submission_id_unique" UNIQUE("submission_id"),
	CONSTRAINT "transfers_amount_positive" CHECK ("transfers"."amount" > 0),
	CONSTRAINT "transfers_state_known" CHECK ("transfers"."state" in ('pending', 'unknown', 'not-sent', 'refused', 'not-found', 'success', 'failed', 'awaited', 'refund-pending', 'refunded', 'on-hold', 'in-progress'))
);
--> statement-breakpoint
ALTER TABLE "eko_calls" ADD COLUMN "about_ref_id" varchar(20);--> statement-breakpoint
ALTER TABLE "auth_users" ADD COLUMN "shop_latlong" text;--> statement-breakpoint
ALTER TABLE "transfers" ADD CONSTRAINT "transfers_otp_request_id_otp_requests_id_fk" FOREIGN KEY ("otp_request_id") REFERENCES "otp_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "transfers_one_live_per_otp_idx" ON "transfers" USING btree ("otp_request_id") WHERE not "transfers"."state" in ('not-sent', 'refused', 'not-found');--> statement-breakpoint
CREATE INDEX "transfers_due_idx" ON "transfers" USING btree ("next_check_at") WHERE "transfers"."next_check_at" is not null;--> statement-breakpoint
CREATE INDEX "transfers_created_idx" ON "transfers" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "transfers_agent_created_idx" ON "transfers" USING btree ("agent","created_at","id");--> statement-breakpoint
CREATE INDEX "transfers_state_created_idx" ON "transfers" USING btree ("state","created_at","id");--> statement-breakpoint
CREATE INDEX "eko_calls_about_idx" ON "eko_calls" USING btree ("about_ref_id","created_at") WHERE "eko_calls"."about_ref_id" is not null;