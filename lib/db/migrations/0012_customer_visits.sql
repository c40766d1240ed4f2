CREATE TABLE "customer_visits" (
	"id" varchar(32) PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"agent" text NOT NULL,
	"submission_id" varchar(64) NOT NULL,
	"customer_mobile_hash" char(64) NOT NULL,
	"customer_mobile_last4" char(4) NOT NULL,
	"customer_mobile_encrypted" text NOT NULL,
	"state" text DEFAULT 'looking-up' NOT NULL,
	"sender_otp_ref_id" text,
	"wallet_token_sealed" text,
	"profile" jsonb,
	"recipients" jsonb,
	"recipients_read_at" timestamp (3) with time zone,
	"result" jsonb,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "customer_visits_submission_id_unique" UNIQUE("submission_id"),
	CONSTRAINT "customer_visits_state_known" CHECK ("customer_visits"."state" in ('looking-up', 'otp-sent', 'verified', 'not-enrolled', 'kyc-pending', 'ended'))
);
--> statement-breakpoint
ALTER TABLE "eko_calls" ADD COLUMN "submission_id" varchar(64);--> statement-breakpoint
ALTER TABLE "eko_calls" ADD COLUMN "result" jsonb;--> statement-breakpoint
ALTER TABLE "otp_requests" ADD COLUMN "channel" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "otp_requests" ADD COLUMN "recipient_name" text;--> statement-breakpoint
ALTER TABLE "otp_requests" ADD COLUMN "recipient_bank" text;--> statement-breakpoint
ALTER TABLE "otp_requests" ADD COLUMN "recipient_account_masked" text;--> statement-breakpoint
ALTER TABLE "customer_visits" ADD CONSTRAINT "customer_visits_session_id_auth_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "auth_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_visits_session_idx" ON "customer_visits" USING btree ("session_id");--> statement-breakpoint
ALTER TABLE "eko_calls" ADD CONSTRAINT "eko_calls_submission_id_unique" UNIQUE("submission_id");