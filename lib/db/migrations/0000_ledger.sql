CREATE TABLE "otp_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"client_ref_id" varchar(20) NOT NULL,
	"agent" text NOT NULL,
	"user_code" text NOT NULL,
	"customer_mobile_hash" char(64) NOT NULL,
	"customer_mobile_last4" char(4) NOT NULL,
	"customer_mobile_encrypted" text NOT NULL,
	"recipient_id" bigint NOT NULL,
	"beneficiary_id" text,
	"amount" integer NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"otp_ref_id" text,
	"failure_reason" text,
	"eko_status" integer,
	"eko_response_status_id" integer,
	"eko_response_type_id" integer,
	"eko_message" text,
	"http_status" integer,
	"latency_ms" integer,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp (3) with time zone,
	CONSTRAINT "otp_requests_client_ref_id_unique" UNIQUE("client_ref_id"),
	CONSTRAINT "otp_requests_amount_positive" CHECK ("otp_requests"."amount" > 0),
	CONSTRAINT "otp_requests_state_known" CHECK ("otp_requests"."state" in ('pending', 'sent', 'rejected', 'failed', 'unknown'))
);
--> statement-breakpoint
CREATE INDEX "otp_requests_created_idx" ON "otp_requests" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "otp_requests_state_created_idx" ON "otp_requests" USING btree ("state","created_at","id");--> statement-breakpoint
CREATE INDEX "otp_requests_agent_created_idx" ON "otp_requests" USING btree ("agent","created_at","id");--> statement-breakpoint
CREATE INDEX "otp_requests_mobile_created_idx" ON "otp_requests" USING btree ("customer_mobile_hash","created_at","id");--> statement-breakpoint
CREATE INDEX "otp_requests_unresolved_created_idx" ON "otp_requests" USING btree ("created_at","id") WHERE "otp_requests"."state" in ('pending', 'unknown');