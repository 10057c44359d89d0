CREATE TABLE "saved_search_views" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"saved_search_id" uuid NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "saved_search_views_workspace_id_user_id_saved_search_id_pk" PRIMARY KEY("workspace_id","user_id","saved_search_id")
);
--> statement-breakpoint
ALTER TABLE "saved_search_views" ADD CONSTRAINT "saved_search_views_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_search_views" ADD CONSTRAINT "saved_search_views_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_search_views" ADD CONSTRAINT "saved_search_views_saved_search_id_saved_searches_id_fk" FOREIGN KEY ("saved_search_id") REFERENCES "public"."saved_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sources_workspace_created_idx" ON "sources" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "highlights_workspace_source_occurred_idx" ON "highlights" USING btree ("workspace_id","source_occurred_at" DESC NULLS LAST,"id" DESC NULLS LAST);