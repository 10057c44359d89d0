ALTER TABLE "insights" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "insights" ADD COLUMN "merge_moves" jsonb;--> statement-breakpoint
ALTER TABLE "insights" ADD CONSTRAINT "insights_merged_into_id_insights_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."insights"("id") ON DELETE set null ON UPDATE no action;