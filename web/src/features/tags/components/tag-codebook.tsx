import { useState } from 'react';
import { Link } from 'react-router';
import type { Tag } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { Field, Select } from '../../../components/field';
import { Loading } from '../../../components/spinner';
import { TagDot } from '../../../components/tag-chip';
import { useToast } from '../../../components/toast';
import { paths } from '../../../lib/paths';
import { tagLineColor } from '../../../lib/tag-colors';
import { useWorkspace } from '../../../lib/workspace';
import { useCreateTag } from '../api/create-tag';
import { useDeleteTag } from '../api/delete-tag';
import { useTags } from '../api/list-tags';
import { useMergeTag } from '../api/merge-tag';
import { useUpdateTag } from '../api/update-tag';
import { TagForm } from './tag-form';

const UNGROUPED = 'Ungrouped';
const plural = (count: number) => `${count} highlight${count === 1 ? '' : 's'}`;

type Action = { kind: 'edit' | 'merge' | 'delete'; tag: Tag } | null;

function groupTags(tags: Tag[]) {
  const groups = new Map<string, Tag[]>();
  for (const tag of tags) groups.set(tag.group ?? UNGROUPED, [...(groups.get(tag.group ?? UNGROUPED) ?? []), tag]);
  return [...groups];
}

/** The codebook: tags by group, each with a bar of how many highlights use it. */
export function TagCodebook() {
  const workspace = useWorkspace();
  const ws = workspace.id;
  const tags = useTags(ws);
  const createTag = useCreateTag(ws);
  const updateTag = useUpdateTag(ws);
  const deleteTag = useDeleteTag(ws);
  const mergeTag = useMergeTag(ws);
  const toast = useToast();
  const [creating, setCreating] = useState(false);
  // A new key after each tag created gives an empty form, its name field focused for the next one.
  const [createdCount, setCreatedCount] = useState(0);
  const [action, setAction] = useState<Action>(null);
  const [survivorId, setSurvivorId] = useState('');
  const canEdit = workspace.can('researcher');

  if (tags.isPending) return <Loading />;
  if (tags.error) return <ErrorMessage error={tags.error} />;
  const items = tags.data.items;
  const groupNames = [...new Set(items.map((tag) => tag.group).filter((group): group is string => !!group))];
  const maxUsage = Math.max(1, ...items.map((tag) => tag.usageCount ?? 0));
  const close = () => {
    setAction(null);
    setSurvivorId('');
    updateTag.reset();
    mergeTag.reset();
    deleteTag.reset();
  };

  return (
    <div className="stack">
      {workspace.can('contributor') && (
        <div className="card">
          {creating ? (
            <TagForm
              key={createdCount}
              groups={groupNames}
              submitLabel="Create tag"
              busy={createTag.isPending}
              error={createTag.error}
              onCancel={() => setCreating(false)}
              onSubmit={(body) =>
                createTag.mutate(body, {
                  onSuccess: (tag) => {
                    toast.show(`Created “${tag.name}”`, 'success');
                    setCreatedCount((count) => count + 1);
                  },
                })
              }
            />
          ) : (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New tag
            </Button>
          )}
        </div>
      )}
      {!items.length && (
        <EmptyState title="No tags yet" icon="#">
          Tags are your codebook: labels such as “Onboarding” or “Frustrated” that you put on highlights. Create them here, or type a new name while tagging a passage
          in any source. Group them (“Feature area”, “Emotion”) to read the chart below at a glance.
        </EmptyState>
      )}
      {groupTags(items).map(([group, groupItems]) => (
        <section key={group} className="card tag-group" aria-labelledby={`group-${group}`}>
          <h2 id={`group-${group}`}>
            {group} <span className="muted">· {plural(groupItems.reduce((sum, tag) => sum + (tag.usageCount ?? 0), 0))}</span>
          </h2>
          <ul className="tag-rows">
            {groupItems.map((tag) => (
              <li key={tag.id} className="tag-row">
                <TagDot color={tag.color} />
                <div className="tag-row-name">
                  <Link to={`${paths.highlights(ws)}?tagId=${tag.id}`}>{tag.name}</Link>
                  {tag.description && <p className="muted tag-description">{tag.description}</p>}
                </div>
                <div className="usage-bar" role="img" aria-label={plural(tag.usageCount ?? 0)}>
                  <span style={{ width: `${((tag.usageCount ?? 0) / maxUsage) * 100}%`, background: tag.color ? tagLineColor(tag.color) : undefined }} />
                </div>
                <span className="usage-count">{tag.usageCount ?? 0}</span>
                {canEdit && (
                  <span className="row tag-actions">
                    <Button size="sm" variant="ghost" onClick={() => setAction({ kind: 'edit', tag })}>
                      Edit
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setAction({ kind: 'merge', tag })} disabled={items.length < 2}>
                      Merge…
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setAction({ kind: 'delete', tag })}>
                      Delete
                    </Button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}

      <Dialog open={action?.kind === 'edit'} title={`Edit “${action?.tag.name}”`} onClose={close}>
        {action?.kind === 'edit' && (
          <TagForm
            tag={action.tag}
            groups={groupNames}
            submitLabel="Save"
            busy={updateTag.isPending}
            error={updateTag.error}
            onCancel={close}
            onSubmit={(body) =>
              updateTag.mutate(
                { id: action.tag.id, body },
                {
                  onSuccess: (saved) => {
                    toast.show(saved.name === action.tag.name ? `Saved “${saved.name}”` : `Renamed to “${saved.name}”`, 'success');
                    close();
                  },
                },
              )
            }
          />
        )}
      </Dialog>

      <Dialog
        open={action?.kind === 'merge'}
        title={`Merge “${action?.tag.name}” into another tag`}
        onClose={close}
        footer={
          <>
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button
              variant="primary"
              disabled={!survivorId}
              busy={mergeTag.isPending}
              onClick={() =>
                action &&
                mergeTag.mutate(
                  { id: action.tag.id, intoTagId: survivorId },
                  {
                    onSuccess: (survivor) => {
                      toast.show(`Merged into “${survivor.name}”, now on ${plural(survivor.usageCount ?? 0)}`, 'success');
                      close();
                    },
                  },
                )
              }
            >
              Merge
            </Button>
          </>
        }
      >
        {action?.kind === 'merge' && (
          <div className="stack">
            <p>
              Every highlight tagged “{action.tag.name}” ({plural(action.tag.usageCount ?? 0)}) gets the tag you pick instead, and “{action.tag.name}” disappears.
              Nothing else changes.
            </p>
            <Field label="Keep this tag">
              {(props) => (
                <Select {...props} value={survivorId} onChange={(event) => setSurvivorId(event.target.value)}>
                  <option value="">Choose the tag that stays…</option>
                  {items
                    .filter((tag) => tag.id !== action.tag.id)
                    .map((tag) => (
                      <option key={tag.id} value={tag.id}>
                        {tag.name}
                        {tag.group ? ` (${tag.group})` : ''} · {tag.usageCount ?? 0}
                      </option>
                    ))}
                </Select>
              )}
            </Field>
            <ErrorMessage error={mergeTag.error} />
          </div>
        )}
      </Dialog>

      <Dialog
        open={action?.kind === 'delete'}
        title={`Delete “${action?.tag.name}”?`}
        onClose={close}
        footer={
          <>
            <Button variant="ghost" onClick={close}>
              Cancel
            </Button>
            <Button
              variant="danger"
              busy={deleteTag.isPending}
              onClick={() => {
                if (!action) return;
                const { tag } = action;
                const usage = tag.usageCount ?? 0;
                deleteTag.mutate(
                  { id: tag.id, force: usage > 0 },
                  {
                    onSuccess: () => {
                      toast.show(usage > 0 ? `Deleted the tag “${tag.name}” from ${plural(usage)}` : `Deleted the tag “${tag.name}”`, 'success');
                      close();
                    },
                  },
                );
              }}
            >
              Delete tag
            </Button>
          </>
        }
      >
        {action?.kind === 'delete' && (
          <>
            <p>
              {(action.tag.usageCount ?? 0) > 0
                ? `It is used by ${plural(action.tag.usageCount ?? 0)}. They stay, without this tag. To keep the evidence together, merge it into another tag instead.`
                : 'No highlight uses it.'}
            </p>
            <ErrorMessage error={deleteTag.error} />
          </>
        )}
      </Dialog>
    </div>
  );
}
