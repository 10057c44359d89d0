ALTER TABLE "cluster_members" ALTER COLUMN "cluster_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD COLUMN "placed_cluster_id" uuid;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD COLUMN "placed_score" real;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_placed_cluster_id_clusters_id_fk" FOREIGN KEY ("placed_cluster_id") REFERENCES "public"."clusters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
UPDATE "cluster_members" SET "placed_cluster_id" = "cluster_id", "placed_score" = "score" WHERE "score" IS NOT NULL;
