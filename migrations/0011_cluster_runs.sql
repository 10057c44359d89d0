CREATE TABLE "cluster_members" (
	"workspace_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"cluster_id" uuid NOT NULL,
	"highlight_id" uuid,
	"source_id" uuid,
	"score" real,
	CONSTRAINT "cluster_members_one_target" CHECK (num_nonnulls("cluster_members"."highlight_id", "cluster_members"."source_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "cluster_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"params" jsonb NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" real DEFAULT 0 NOT NULL,
	"k" integer,
	"silhouette" real,
	"text_count" integer,
	"unclustered_count" integer,
	"failure" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"terms" jsonb NOT NULL,
	"promoted_insight_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_run_id_cluster_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."cluster_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_highlight_id_highlights_id_fk" FOREIGN KEY ("highlight_id") REFERENCES "public"."highlights"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_source_id_sources_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."sources"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_runs" ADD CONSTRAINT "cluster_runs_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_runs" ADD CONSTRAINT "cluster_runs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_run_id_cluster_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."cluster_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_promoted_insight_id_insights_id_fk" FOREIGN KEY ("promoted_insight_id") REFERENCES "public"."insights"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_members_run_highlight_key" ON "cluster_members" USING btree ("run_id","highlight_id") WHERE "cluster_members"."highlight_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_members_run_source_key" ON "cluster_members" USING btree ("run_id","source_id") WHERE "cluster_members"."source_id" is not null;--> statement-breakpoint
CREATE INDEX "cluster_members_cluster_idx" ON "cluster_members" USING btree ("cluster_id","score" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "cluster_runs_workspace_created_idx" ON "cluster_runs" USING btree ("workspace_id","created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "clusters_run_idx" ON "clusters" USING btree ("run_id","position");