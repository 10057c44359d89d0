ALTER TABLE "companies" ADD COLUMN "segment_set_by_hand" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "plan_set_by_hand" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "annual_revenue_set_by_hand" boolean DEFAULT false NOT NULL;