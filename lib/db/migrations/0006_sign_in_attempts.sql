CREATE TABLE "sign_in_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (3) with time zone NOT NULL,
	"username" text NOT NULL,
	"ip_address" text,
	"outcome" text DEFAULT 'pending' NOT NULL,
	CONSTRAINT "sign_in_attempts_outcome_known" CHECK ("sign_in_attempts"."outcome" in ('pending', 'failed', 'succeeded'))
);
--> statement-breakpoint
CREATE INDEX "sign_in_attempts_username_at_idx" ON "sign_in_attempts" USING btree ("username","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_address_at_idx" ON "sign_in_attempts" USING btree ("ip_address","at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_at_idx" ON "sign_in_attempts" USING btree ("at");