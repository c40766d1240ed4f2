CREATE TABLE "eko_calls" (
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
	"operation" text NOT NULL,
	"moves_money" boolean NOT NULL,
	"customer_mobile_hash" char(64),
	"customer_mobile_last4" char(4),
	"state" text DEFAULT 'pending' NOT NULL,
	CONSTRAINT "eko_calls_client_ref_id_unique" UNIQUE("client_ref_id"),
	CONSTRAINT "eko_calls_state_known" CHECK ("eko_calls"."state" in ('pending', 'ok', 'rejected', 'failed', 'unknown', 'not-sent'))
);
--> statement-breakpoint
CREATE INDEX "eko_calls_created_idx" ON "eko_calls" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "eko_calls_agent_created_idx" ON "eko_calls" USING btree ("agent","created_at","id");--> statement-breakpoint
CREATE INDEX "eko_calls_mobile_created_idx" ON "eko_calls" USING btree ("customer_mobile_hash","created_at","id");