CREATE TABLE "otp_flagged_customers" (
	"day" date NOT NULL,
	"agent" text NOT NULL,
	"customer_mobile_hash" char(64) NOT NULL,
	"customer_mobile_last4" char(4) NOT NULL,
	"requests" integer NOT NULL,
	"last_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "otp_flagged_customers_agent_day_customer_mobile_hash_pk" PRIMARY KEY("agent","day","customer_mobile_hash")
);
--> statement-breakpoint
CREATE TABLE "otp_latency_rollups" (
	"day" date NOT NULL,
	"agent" text NOT NULL,
	"state" text NOT NULL,
	"bucket" smallint NOT NULL,
	"requests" integer NOT NULL,
	CONSTRAINT "otp_latency_rollups_agent_day_state_bucket_pk" PRIMARY KEY("agent","day","state","bucket")
);
--> statement-breakpoint
CREATE TABLE "otp_rejection_rollups" (
	"day" date NOT NULL,
	"agent" text NOT NULL,
	"eko_status" integer,
	"message" text NOT NULL,
	"requests" integer NOT NULL,
	CONSTRAINT "otp_rejection_rollups_key" UNIQUE NULLS NOT DISTINCT("agent","day","eko_status","message")
);
--> statement-breakpoint
CREATE TABLE "otp_request_rollups" (
	"day" date NOT NULL,
	"agent" text NOT NULL,
	"state" text NOT NULL,
	"requests" integer NOT NULL,
	"amount" bigint NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "otp_request_rollups_agent_day_state_pk" PRIMARY KEY("agent","day","state")
);
--> statement-breakpoint
CREATE TABLE "transfer_rollups" (
	"hour" timestamp (3) with time zone NOT NULL,
	"agent" text NOT NULL,
	"state" text NOT NULL,
	"transfers" integer NOT NULL,
	"amount" bigint NOT NULL,
	"fee_paise" bigint NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "transfer_rollups_agent_hour_state_pk" PRIMARY KEY("agent","hour","state")
);
--> statement-breakpoint
CREATE INDEX "otp_request_rollups_updated_idx" ON "otp_request_rollups" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "transfer_rollups_updated_idx" ON "transfer_rollups" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "otp_requests_pending_created_idx" ON "otp_requests" USING btree ("agent","created_at") WHERE "otp_requests"."state" = 'pending';